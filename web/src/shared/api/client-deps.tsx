import { createContext, useContext, type ReactNode } from 'react'
import { browserFetch, type FetchLike } from './fetch-json.js'

/** The smallest WebSocket surface the client uses, so tests can hand in a fake socket. */
export type SocketLike = {
  readonly readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  onopen: ((event: Event) => void) | null
  onclose: ((event: CloseEvent) => void) | null
  onmessage: ((event: MessageEvent) => void) | null
  onerror: ((event: Event) => void) | null
}

/** What the client needs from the outside world: injected, so components are testable. */
export type ClientDeps = {
  fetch: FetchLike
  openSocket: (url: string) => SocketLike
  now: () => number
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null
  /** Makes ids for answers (idempotent retries). */
  makeId: () => string
}

function socketUrl(path: string): string {
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${path}`
}

function readStorage(): ClientDeps['storage'] {
  try {
    return window.localStorage
  } catch {
    return null // storage can be disabled; drafts are then kept in memory only
  }
}

/** The real browser dependencies, built once by the entry file. */
export function createBrowserDeps(): ClientDeps {
  return {
    fetch: browserFetch,
    openSocket: (path) => new WebSocket(socketUrl(path)),
    now: () => Date.now(),
    storage: readStorage(),
    makeId: () => crypto.randomUUID(),
  }
}

const ClientDepsContext = createContext<ClientDeps | null>(null)

export function ClientDepsProvider({ deps, children }: { deps: ClientDeps; children: ReactNode }) {
  return <ClientDepsContext.Provider value={deps}>{children}</ClientDepsContext.Provider>
}

export function useClientDeps(): ClientDeps {
  const deps = useContext(ClientDepsContext)
  if (!deps) throw new Error('useClientDeps needs a ClientDepsProvider')
  return deps
}
