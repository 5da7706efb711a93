import { LlmError } from './llm-client.js'
import type { CallDeadline } from './call-deadline.js'
import { readRetryAfterMs } from './map-openai-error.js'

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>

export type RetryOptions = {
  maxRetries: number
  /** First backoff; doubles per retry up to `maxDelayMs`, with full jitter. */
  baseDelayMs: number
  maxDelayMs: number
  now: () => number
  sleep: Sleep
  random: () => number
}

/**
 * Runs one request with bounded retries of retryable failures (429, 5xx, connection), honouring
 * Retry-After. Our own loop rather than the SDK's so the wait never outlives the call's deadline
 * and tests can inject the sleep. Throws the last LlmError with the attempt count in its message.
 */
export async function retryLlmCall<T>(
  run: () => Promise<T>,
  toError: (error: unknown) => LlmError,
  call: CallDeadline,
  options: RetryOptions,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (raw) {
      const error = toError(raw)
      if (!error.retryable || call.signal.aborted) throw error
      if (attempt > options.maxRetries) throw withAttempts(error, attempt)
      const delay = readRetryAfterMs(error, options.now()) ?? backoffMs(attempt, options)
      if (options.now() + delay >= call.deadline) {
        throw withAttempts(
          error,
          attempt,
          `the server asked to wait ${delay} ms, past the time budget`,
        )
      }
      try {
        await options.sleep(delay, call.signal)
      } catch {
        throw call.abortError()
      }
    }
  }
}

function backoffMs(attempt: number, options: RetryOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1))
  return Math.round(ceiling / 2 + (ceiling / 2) * options.random())
}

function withAttempts(error: LlmError, attempts: number, reason?: string): LlmError {
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`
  const suffix = reason ? `; gave up after ${tries}: ${reason}` : `; gave up after ${tries}`
  return new LlmError(error.code, `${error.message}${suffix}`, error.retryable, {
    cause: error.cause,
  })
}

/** A sleep that ends early, rejecting, when the signal fires. */
export const sleepWithSignal: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
