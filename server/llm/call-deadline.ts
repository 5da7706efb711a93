import { LlmError } from './llm-client.js'

/**
 * One LLM call's abort signal: fires when the caller aborts or when the call's whole time budget
 * (retries and streaming included) runs out, so no turn can hang on a stalled server.
 */
export type CallDeadline = {
  readonly signal: AbortSignal
  /** Epoch ms after which no retry may start. */
  readonly deadline: number
  timedOut(): boolean
  callerAborted(): boolean
  /** The LlmError for a fired signal: `timeout` or `aborted`. */
  abortError(): LlmError
  dispose(): void
}

export function startCallDeadline(
  timeoutMs: number,
  now: () => number,
  callerSignal?: AbortSignal,
): CallDeadline {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort(new LlmError('timeout', timeoutMessage(timeoutMs), true))
  }, timeoutMs)
  const onCallerAbort = () =>
    controller.abort(new LlmError('aborted', 'The request was aborted', false))
  if (callerSignal?.aborted) onCallerAbort()
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true })

  return {
    signal: controller.signal,
    deadline: now() + timeoutMs,
    timedOut: () => timedOut,
    callerAborted: () => callerSignal?.aborted === true,
    abortError: () =>
      timedOut
        ? new LlmError('timeout', timeoutMessage(timeoutMs), true)
        : new LlmError('aborted', 'The request was aborted', false),
    dispose: () => {
      clearTimeout(timer)
      callerSignal?.removeEventListener('abort', onCallerAbort)
    },
  }
}

function timeoutMessage(timeoutMs: number): string {
  return `The model server did not finish within ${timeoutMs} ms (LLM_TIMEOUT_MS)`
}
