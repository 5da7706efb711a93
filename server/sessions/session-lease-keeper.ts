import { currentWorkContext, runWithWorkContext } from '../async/work-context.js'
import type { SessionLease } from './session-lease.js'
import type { SessionStore } from './session-store.js'

/** A session lease this instance holds, renewed in the background until released. */
export type HeldLease = {
  lease: SessionLease
  /** Runs `work` with every turn write of the fenced store carrying this lease's token. */
  run<T>(work: () => Promise<T>): Promise<T>
  /** Called once if a renewal finds the lease lost (taken over after a stall). */
  onLost(listener: () => void): void
  release(): Promise<void>
}

export type LeaseKeeper = {
  /** Takes the session's lease for this instance, or says when the other holder's expires. */
  acquire(
    sessionId: string,
  ): Promise<{ ok: true; held: HeldLease } | { ok: false; retryInMs: number }>
}

export type LeaseKeeperOptions = {
  store: SessionStore
  /** This server process (createInstanceId). */
  holder: string
  /** How long a lease lives without renewal: how soon another instance takes over a dead one. */
  ttlMs: number
}

/**
 * Which lease the current async call chain writes under. The orchestrator runs a turn inside
 * `held.run`, and every appendTurn / updateTurn that turn makes through the fenced store
 * (wrapped once in createApp) carries the token, however deep in the turn runner it happens,
 * without threading the lease through every function of server/interview. Carried by the one
 * AsyncLocalStorage of server/async/work-context.ts, beside the request id (kept).
 */
const currentLease = () => currentWorkContext()?.lease as SessionLease | undefined

export function createLeaseKeeper(opts: LeaseKeeperOptions): LeaseKeeper {
  const { store, holder, ttlMs } = opts
  // Three renewals per TTL: one slow or failed renewal does not lose the lease.
  const renewEveryMs = Math.max(10, Math.floor(ttlMs / 3))
  return {
    async acquire(sessionId) {
      const attempt = await store.acquireLease(sessionId, holder, ttlMs)
      if (attempt.status === 'held') return { ok: false, retryInMs: attempt.retryInMs }
      const lease = attempt.lease
      const lostListeners: (() => void)[] = []
      let released = false
      const timer = setInterval(() => {
        void store
          .renewLease(lease, ttlMs)
          .then((kept) => {
            if (kept || released) return
            clearInterval(timer)
            for (const listener of lostListeners) listener()
          })
          .catch((err: unknown) => console.error(`lease of ${sessionId}: renewal failed`, err))
      }, renewEveryMs)
      timer.unref()
      return {
        ok: true,
        held: {
          lease,
          run: (work) => runWithWorkContext({ lease }, work),
          onLost: (listener) => void lostListeners.push(listener),
          async release() {
            if (released) return
            released = true
            clearInterval(timer)
            await store.releaseLease(lease)
          },
        },
      }
    },
  }
}

/**
 * The store as the orchestrator sees it when leases are on: appendTurn and updateTurn of the
 * session whose lease the call chain runs under carry that lease as their fence, so a stale
 * holder's late write is refused by the store (session-lease.ts). Everything else passes through.
 */
export function withLeaseFence(store: SessionStore): SessionStore {
  const fenceFor = (sessionId: string) => {
    const lease = currentLease()
    return lease && lease.sessionId === sessionId ? { fence: lease } : {}
  }
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'appendTurn') {
        return (turn: Parameters<SessionStore['appendTurn']>[0]) =>
          target.appendTurn(turn, fenceFor(turn.sessionId))
      }
      if (prop === 'updateTurn') {
        return (...[sessionId, turnId, patch]: Parameters<SessionStore['updateTurn']>) =>
          target.updateTurn(sessionId, turnId, patch, fenceFor(sessionId))
      }
      const value: unknown = Reflect.get(target, prop, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
