import type { SessionStore } from '../../server/sessions/session-store.js'

/**
 * The store with a running total of the time its calls take until their promise exists: for
 * the synchronous SQLite store, the whole query and commit (fsync included), which run on the
 * calling thread.
 */
export function timeStoreCalls(store: SessionStore): {
  store: SessionStore
  spentMs: () => number
} {
  let spent = 0
  const timed = new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        const start = performance.now()
        try {
          return (value as (...a: unknown[]) => unknown).apply(target, args)
        } finally {
          spent += performance.now() - start
        }
      }
    },
  })
  return { store: timed, spentMs: () => spent }
}
