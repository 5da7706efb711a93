import type { FetchLike } from './openai-llm-client.js'
import { nodeBodyOf } from './node-http-fetch.js'

/**
 * Makes a fetch's response body stop when the request's signal fires. undici does this itself,
 * but an injected fetch (a proxy agent, a test interceptor, a node:http shim) may not, and the SDK
 * then waits on the body forever after an abort. Pull-based, so every chunk read before an error
 * still reaches the reader in order; on abort the source is cancelled, closing the connection.
 */
export function bindBodyToSignal(fetch: FetchLike): FetchLike {
  return async (input, init) => {
    const response = await fetch(input, init)
    const signal = init?.signal
    // A Node-stream response (createNodeHttpFetch) already ends on abort: http.request has the signal.
    if (!signal || !response.body || nodeBodyOf(response)) return response
    const reader = response.body.getReader()
    let onAbort = () => undefined as void
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        onAbort = () => {
          controller.error(signal.reason)
          reader.cancel(signal.reason).catch(() => undefined)
        }
        if (signal.aborted) onAbort()
        else signal.addEventListener('abort', onAbort, { once: true })
      },
      async pull(controller) {
        try {
          const { done, value } = await reader.read()
          if (signal.aborted) return
          if (done) {
            signal.removeEventListener('abort', onAbort)
            controller.close()
          } else controller.enqueue(value)
        } catch (error) {
          signal.removeEventListener('abort', onAbort)
          if (!signal.aborted) controller.error(error)
        }
      },
      cancel(reason) {
        signal.removeEventListener('abort', onAbort)
        return reader.cancel(reason)
      },
    })
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    })
  }
}
