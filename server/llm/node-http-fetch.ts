import http from 'node:http'
import https from 'node:https'
import type { Readable } from 'node:stream'
import type { FetchLike } from './openai-llm-client.js'

/** Where a Response made by createNodeHttpFetch keeps its Node stream, for readers that can use it. */
const NODE_BODY = Symbol('sparring.nodeBody')

type NodeBodied = Response & { [NODE_BODY]?: Readable }

/** The Node stream behind a response, when it came from createNodeHttpFetch. */
export function nodeBodyOf(response: Response): Readable | undefined {
  return (response as NodeBodied)[NODE_BODY]
}

/**
 * A fetch over node:http with keep-alive agents. Streaming through it skips undici and web
 * streams, the larger part of the per-token CPU of relaying a stream (see
 * bench:stream --cpu-prof-dir and bench/stream/cpu-profile-summary.ts: about 4x less with node:http
 * and a small SSE splitter). The Response
 * also carries a web body for code that reads it the standard way (the SDK's error parsing).
 * Aborts go straight to http.request's `signal`. Redirects are not followed (an API answers in
 * place; a 3xx is the SDK's error, with its status).
 */
export function createNodeHttpFetch(): FetchLike {
  const agents = {
    http: new http.Agent({ keepAlive: true }),
    https: new https.Agent({ keepAlive: true }),
  }
  return (input, init) =>
    new Promise((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : input)
      const secure = url.protocol === 'https:'
      const headers: Record<string, string> = {}
      new Headers(init?.headers).forEach((value, key) => (headers[key] = value))
      const request = (secure ? https : http).request(
        url,
        {
          method: init?.method ?? 'GET',
          headers,
          agent: secure ? agents.https : agents.http,
          signal: init?.signal ?? undefined,
        },
        (res) => resolve(toResponse(res)),
      )
      request.on('error', reject)
      const body = init?.body
      if (body !== undefined && body !== null && typeof body !== 'string') {
        request.destroy()
        return reject(new TypeError('createNodeHttpFetch sends string bodies only'))
      }
      request.end(body ?? undefined)
    })
}

function toResponse(res: http.IncomingMessage): Response {
  const headers = new Headers()
  for (const [key, value] of Object.entries(res.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value)
  }
  const status = res.statusCode ?? 500
  const noBody = status === 204 || status === 304
  // Read to its (empty) end at once: an unread response keeps its socket from the keep-alive
  // pool, and nobody can read a null body.
  if (noBody) res.resume()
  // Created on first read only: a reader of the Node stream itself must find it untouched.
  let iterator: AsyncIterator<Buffer> | null = null
  // highWaterMark 0: nothing is read from the socket unless someone reads this web body.
  const body = noBody
    ? null
    : new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            iterator ??= res[Symbol.asyncIterator]() as AsyncIterator<Buffer>
            const next = await iterator.next()
            if (next.done) controller.close()
            else controller.enqueue(new Uint8Array(next.value))
          },
          cancel: () => void res.destroy(),
        },
        { highWaterMark: 0 },
      )
  const response = new Response(body, {
    status,
    statusText: res.statusMessage,
    headers,
  }) as NodeBodied
  if (!noBody) response[NODE_BODY] = res
  return response
}
