import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * The request a piece of work belongs to, carried through its promises and timers by
 * AsyncLocalStorage: a grading started by a request logs with that request's id, and a
 * WebSocket's frames with the id of its upgrade request.
 */
const context = new AsyncLocalStorage<{ requestId: string }>()

export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return context.run({ requestId }, work)
}

/** The id of the request the current work belongs to, or null outside any request. */
export function currentRequestId(): string | null {
  return context.getStore()?.requestId ?? null
}
