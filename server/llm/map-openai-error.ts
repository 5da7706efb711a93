import OpenAI from 'openai'
import { LlmError } from './llm-client.js'
import type { CallDeadline } from './call-deadline.js'

/**
 * Wraps whatever the SDK or fetch threw into the one LlmError vocabulary, with a message a user
 * can act on. `phase` tells a failure before the first token (maybe retryable) from one mid-stream.
 */
export function toLlmError(
  error: unknown,
  call: CallDeadline,
  phase: 'request' | 'stream',
): LlmError {
  if (error instanceof LlmError) return error
  if (call.signal.aborted) return call.abortError()
  if (error instanceof OpenAI.APIUserAbortError) return call.abortError()
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new LlmError('timeout', 'The model server did not answer in time', true, {
      cause: error,
    })
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new LlmError('connection', `Cannot reach the model server: ${causeText(error)}`, true, {
      cause: error,
    })
  }
  if (error instanceof OpenAI.APIError) return fromApiError(error)
  const text = error instanceof Error ? error.message : String(error)
  if (phase === 'stream') {
    return new LlmError('stream_error', `The model stream broke off: ${text}`, false, {
      cause: error,
    })
  }
  return new LlmError('connection', `The model request failed: ${text}`, true, { cause: error })
}

function fromApiError(error: InstanceType<typeof OpenAI.APIError>): LlmError {
  const detail = serverMessage(error)
  const status = error.status
  if (status === undefined) {
    // The SDK throws a status-less APIError for `data: {"error": ...}` inside an SSE stream.
    return new LlmError(
      'stream_error',
      `The model server reported an error mid-stream: ${detail}`,
      false,
      {
        cause: error,
      },
    )
  }
  if (status === 429) {
    return new LlmError(
      'rate_limited',
      `The model server is rate limiting requests (429): ${detail}`,
      true,
      {
        cause: error,
      },
    )
  }
  if (status === 401 || status === 403) {
    return new LlmError(
      'auth',
      `The model server refused the API key (${status}): ${detail}`,
      false,
      {
        cause: error,
      },
    )
  }
  if (status >= 500 || status === 408 || status === 409) {
    return new LlmError('server_error', `The model server failed (${status}): ${detail}`, true, {
      cause: error,
    })
  }
  return new LlmError(
    'bad_request',
    `The model server rejected the request (${status}): ${detail}`,
    false,
    {
      cause: error,
    },
  )
}

function serverMessage(error: InstanceType<typeof OpenAI.APIError>): string {
  const body = error.error as { message?: unknown } | undefined
  if (body && typeof body.message === 'string' && body.message.length > 0) return body.message
  return error.message || 'no details'
}

function causeText(error: Error): string {
  const cause = error.cause
  return cause instanceof Error ? cause.message : error.message
}

/** The wait the server asked for, from `retry-after-ms` or `retry-after` (seconds or a date). */
export function readRetryAfterMs(error: LlmError, now: number): number | null {
  const cause = error.cause
  if (!(cause instanceof OpenAI.APIError) || !cause.headers) return null
  const ms = Number(cause.headers.get('retry-after-ms'))
  if (cause.headers.get('retry-after-ms') !== null && Number.isFinite(ms) && ms >= 0) return ms
  const header = cause.headers.get('retry-after')
  if (header === null) return null
  const seconds = Number(header)
  if (header.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(header)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}
