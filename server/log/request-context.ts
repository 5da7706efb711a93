import { currentWorkContext, runWithWorkContext } from '../async/work-context.js'

/**
 * The request a piece of work belongs to, carried through its promises and timers by the one
 * AsyncLocalStorage of server/async/work-context.ts: a grading started by a request logs with
 * that request's id, and a WebSocket's frames with the id of its upgrade request.
 */
export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return runWithWorkContext({ requestId }, work)
}

/** The id of the request the current work belongs to, or null outside any request. */
export function currentRequestId(): string | null {
  return currentWorkContext()?.requestId ?? null
}
