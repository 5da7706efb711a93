import type { CoverageSource } from './coverage-source.js'
import type { CoverageTracker } from './coverage-tracker.js'
import type { CoverageSnapshot } from './interviewer-engine.js'

/**
 * Coverage maps on the main thread (COVERAGE_WORKERS=0), one per event-loop turn: a map takes
 * 10-30 ms of CPU, so a burst of answers computed back to back would stall the relay of turns
 * already streaming. Each computation waits for a setImmediate queued after the previous one
 * ran, so the loop polls the sockets between answers.
 */
export function createMainThreadCoverage(tracker: CoverageTracker): CoverageSource {
  let queue: Promise<unknown> = Promise.resolve()
  function nextTurn<T>(work: () => T): Promise<T> {
    const run = queue.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(work)
    queue = run.catch(() => undefined)
    return run
  }
  return {
    snapshot: (question, answers, focus) =>
      nextTurn((): CoverageSnapshot => tracker.snapshot(question, answers, focus)),
    topicOf: (question, answer, minScore, skip) =>
      nextTurn(() => tracker.topicOf(question, answer, minScore, skip)),
  }
}
