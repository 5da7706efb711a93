import type { createApp } from '../../server/app.js'

type App = ReturnType<typeof createApp>

/** Sends one request: `app.request()` in-process, or `fetch` against a listening server. */
export type SendRequest = (path: string, init: RequestInit) => Promise<Response>

/**
 * A browser in tests: sends requests through `request` and keeps the identity cookie the server
 * sets, so two clients are two anonymous owners.
 */
export function createCookieClient(request: SendRequest) {
  let cookie = ''
  async function send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {}
    if (cookie) headers.cookie = cookie
    if (body !== undefined) headers['content-type'] = 'application/json'
    const res = await request(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const set = res.headers.get('set-cookie')
    if (set) cookie = set.split(';')[0] ?? ''
    return res
  }
  return {
    get: (path: string) => send('GET', path),
    post: (path: string, body?: unknown) => send('POST', path, body),
    delete: (path: string) => send('DELETE', path),
    /** The `Cookie` header this browser sends, e.g. for a WebSocket upgrade. */
    cookie: () => cookie,
  }
}

/** A cookie-keeping browser that talks to `app` in-process. */
export function createBrowser(app: App) {
  return createCookieClient((path, init) => Promise.resolve(app.request(path, init)))
}
