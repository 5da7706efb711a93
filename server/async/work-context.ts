import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * What a piece of work carries through its promises and timers: the request it belongs to
 * (its log lines' id), the identity it runs for (grading's queue and token charges) and the
 * session lease its turn writes under. Any field may be absent.
 */
export type WorkContext = {
  readonly requestId?: string
  readonly onBehalfOf?: unknown
  readonly lease?: unknown
}

/**
 * One AsyncLocalStorage for all three, not one each: on Node 20 every enabled
 * AsyncLocalStorage adds its own propagation step to the async_hooks init hook that every
 * promise of the process runs (the relay's per-token promises included), so three stores cost
 * three steps per promise where this costs one. Each field keeps its own module's API
 * (request-context.ts, on-behalf-of.ts, session-lease-keeper.ts), typed there.
 */
const storage = new AsyncLocalStorage<WorkContext>()

/** Runs `work` with `patch` over the current context: the fields it does not set are kept. */
export function runWithWorkContext<T>(patch: WorkContext, work: () => T): T {
  const current = storage.getStore()
  return storage.run(current ? { ...current, ...patch } : patch, work)
}

/** The context of the current async call chain, or undefined outside any. */
export function currentWorkContext(): WorkContext | undefined {
  return storage.getStore()
}
