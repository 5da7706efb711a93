import type { TranscriptGrader } from '../grading/grading-service.js'
import { onBehalfOf } from './on-behalf-of.js'

type Waiting = { start: () => void }

/**
 * A queue that runs at most `concurrency` jobs at once and, when a slot frees, starts the next
 * job of the identity served longest ago (one never served first): round-robin across
 * identities. One identity's three big transcripts then delay another's small grade by at most
 * the one job already running, where a first-come queue made it wait for all three.
 */
export function createFairQueue(options: { concurrency: number }) {
  const waiting = new Map<string, Waiting[]>()
  /** When each identity last had a job started (a counter, not a clock). */
  const lastServed = new Map<string, number>()
  const busy = new Map<string, number>()
  let started = 0
  let running = 0

  function nextOwner(): string | null {
    let best: string | null = null
    for (const owner of waiting.keys()) {
      const served = lastServed.get(owner) ?? -1
      if (best === null || served < (lastServed.get(best) ?? -1)) best = owner
    }
    return best
  }

  function pump() {
    while (running < options.concurrency) {
      const owner = nextOwner()
      if (owner === null) return
      const jobs = waiting.get(owner)!
      const job = jobs.shift()!
      if (jobs.length === 0) waiting.delete(owner)
      lastServed.set(owner, started++)
      busy.set(owner, (busy.get(owner) ?? 0) + 1)
      running += 1
      job.start()
    }
  }

  function finished(owner: string) {
    running -= 1
    const left = (busy.get(owner) ?? 1) - 1
    if (left > 0) busy.set(owner, left)
    else {
      busy.delete(owner)
      // Nothing of this identity runs or waits: forget it, so the maps stay small.
      if (!waiting.has(owner)) lastServed.delete(owner)
    }
    pump()
  }

  return {
    /** Runs `work` for `owner` when its turn comes. */
    run<T>(owner: string, work: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          Promise.resolve()
            .then(work)
            .then(resolve, reject)
            .finally(() => finished(owner))
        }
        const jobs = waiting.get(owner)
        if (jobs) jobs.push({ start })
        else waiting.set(owner, [{ start }])
        pump()
      })
    },
    /** Jobs waiting for a slot (not running). */
    waiting: () => [...waiting.values()].reduce((n, jobs) => n + jobs.length, 0),
  }
}

export type FairQueue = ReturnType<typeof createFairQueue>

/** The grader with every grade going through `queue`, ordered by the identity it runs for. */
export function queueFairly(grader: TranscriptGrader, queue: FairQueue): TranscriptGrader {
  return {
    kind: grader.kind,
    grade: (question, transcript, signal) =>
      queue.run(onBehalfOf()?.ownerId ?? 'anonymous', () =>
        grader.grade(question, transcript, signal),
      ),
  }
}
