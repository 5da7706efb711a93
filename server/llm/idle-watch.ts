import { LlmError } from './llm-client.js'

/**
 * Cuts one HTTP attempt when the server sends no bytes for `idleMs`: a server that stalls
 * mid-stream (a wedged GPU worker, a proxy holding the connection) otherwise keeps the candidate
 * waiting for the whole call budget. Every byte, and the response headers, restart the clock.
 */
export type IdleWatch = {
  /** Aborts the attempt: the caller's call signal, or the idle clock running out. */
  readonly signal: AbortSignal
  /** Something arrived from the server. */
  touch(): void
  /** True once the idle clock ran out. */
  fired(): boolean
  /** The error to report for a stall. */
  stallError(): LlmError
  dispose(): void
}

export function startIdleWatch(parent: AbortSignal, idleMs: number): IdleWatch {
  const controller = new AbortController()
  let fired = false
  const stallError = () =>
    new LlmError(
      'stalled',
      `The model server sent nothing for ${idleMs} ms (LLM_IDLE_TIMEOUT_MS)`,
      true,
    )
  // touch() only notes the time (it runs per network chunk); the timer re-arms itself for the rest.
  let last = Date.now()
  const check = () => {
    const quiet = Date.now() - last
    if (quiet < idleMs) {
      timer = setTimeout(check, idleMs - quiet)
      return
    }
    fired = true
    controller.abort(stallError())
  }
  let timer = setTimeout(check, idleMs)
  const onParentAbort = () => controller.abort(parent.reason)
  if (parent.aborted) onParentAbort()
  else parent.addEventListener('abort', onParentAbort, { once: true })
  return {
    signal: controller.signal,
    touch() {
      last = Date.now()
    },
    fired: () => fired,
    stallError,
    dispose() {
      clearTimeout(timer)
      parent.removeEventListener('abort', onParentAbort)
    },
  }
}
