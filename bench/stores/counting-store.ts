import type { SessionStore } from '../../server/sessions/session-store.js'

/** Calls made to a store and the time they took, summed over every method. */
export type StoreTally = { calls: number; ms: number; byMethod: Record<string, number> }

export type CountingStore = {
  store: SessionStore
  /** A copy of the tally so far; differences between two copies give one phase's cost. */
  snapshot(): StoreTally
}

/**
 * Wraps a store so every method call that returns a promise is counted and timed (from the call
 * to its settling). Concurrent calls each count their own time, so `ms` is time spent waiting on
 * the store, not wall time.
 */
export function countStoreCalls(store: SessionStore): CountingStore {
  const tally: StoreTally = { calls: 0, ms: 0, byMethod: {} }
  const counted = new Proxy(store, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        // Started before the call: SQLite does its work before returning the promise.
        const started = performance.now()
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args)
        if (!(result instanceof Promise)) return result
        const name = String(prop)
        tally.calls++
        tally.byMethod[name] = (tally.byMethod[name] ?? 0) + 1
        return result.finally(() => {
          tally.ms += performance.now() - started
        })
      }
    },
  })
  return {
    store: counted,
    snapshot: () => ({ ...tally, byMethod: { ...tally.byMethod } }),
  }
}

/** `after` minus `before`: one phase's calls, time and calls per method. */
export function tallyBetween(before: StoreTally, after: StoreTally): StoreTally {
  const byMethod: Record<string, number> = {}
  for (const [name, n] of Object.entries(after.byMethod)) {
    const diff = n - (before.byMethod[name] ?? 0)
    if (diff > 0) byMethod[name] = diff
  }
  return { calls: after.calls - before.calls, ms: after.ms - before.ms, byMethod }
}
