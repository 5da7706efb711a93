import type { createApp } from '../../server/app.js'

type App = ReturnType<typeof createApp>

/**
 * A browser in tests: sends requests through `app.request()` and keeps the identity cookie the
 * server sets, so two clients are two anonymous owners.
 */
export function createBrowser(app: App) {
  let cookie = ''
  async function send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {}
    if (cookie) headers.cookie = cookie
    if (body !== undefined) headers['content-type'] = 'application/json'
    const res = await app.request(path, {
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
