import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { ClientDepsProvider, type ClientDeps } from '../../../web/src/shared/api/client-deps.js'
import { FakeSocket } from './fake-socket.js'

export type Routes = Record<string, (init?: RequestInit) => { status?: number; body: unknown }>

/** Fake dependencies: canned JSON by "METHOD path", recorded sockets, a fixed clock, memory storage. */
export function makeDeps(routes: Routes = {}, overrides: Partial<ClientDeps> = {}) {
  const sockets: FakeSocket[] = []
  const requests: Array<{ method: string; url: string; body: unknown }> = []
  const store = new Map<string, string>()
  let ids = 0
  const deps: ClientDeps = {
    fetch: async (url, init) => {
      const method = init?.method ?? 'GET'
      requests.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : null })
      const handler = routes[`${method} ${url}`]
      if (!handler)
        return new Response(JSON.stringify({ error: { code: 'not_found', message: 'no route' } }), {
          status: 404,
        })
      const { status = 200, body } = handler(init)
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      })
    },
    openSocket: (url) => {
      const socket = new FakeSocket(url)
      sockets.push(socket)
      return socket
    },
    now: () => Date.parse('2026-11-29T10:05:00.000Z'),
    storage: {
      getItem: (k) => store.get(k) ?? null,
      setItem: (k, v) => void store.set(k, v),
      removeItem: (k) => void store.delete(k),
    },
    makeId: () => `client-${++ids}`,
    ...overrides,
  }
  return { deps, sockets, requests, store }
}

export function renderWithDeps(ui: ReactElement, deps: ClientDeps) {
  return render(<ClientDepsProvider deps={deps}>{ui}</ClientDepsProvider>)
}
