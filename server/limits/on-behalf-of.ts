import { currentWorkContext, runWithWorkContext } from '../async/work-context.js'

/** Whose work is running: the identity a grading is for, and where its LLM tokens are counted. */
export type OnBehalfOf = {
  ownerId: string
  /** Counts tokens an LLM call spent against the identity's daily budget. */
  chargeTokens(tokens: number): Promise<void>
}

/**
 * Runs `work` for an identity: the grading queue orders it among identities by `ownerId`
 * (fair-grading-queue.ts), and an LLM client wrapped by meterLlmUsage charges what its calls
 * spend to it, however deep in the grader they are made. Carried by the one AsyncLocalStorage of
 * server/async/work-context.ts, beside the request id (kept).
 */
export function runOnBehalfOf<T>(who: OnBehalfOf, work: () => T): T {
  return runWithWorkContext({ onBehalfOf: who }, work)
}

/** The identity the current work is for, or null (a CLI run, a test). */
export function onBehalfOf(): OnBehalfOf | null {
  return (currentWorkContext()?.onBehalfOf as OnBehalfOf | undefined) ?? null
}
