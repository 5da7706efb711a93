import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createCoverageWorkerPool,
  type CoverageWorkerPool,
} from '../../../server/interview/coverage-worker-pool.js'
import {
  BACKGROUND_NICE,
  lowerThreadPriority,
  type PriorityDeps,
} from '../../../server/workers/background-priority.js'
import { FIXTURE_QUESTION_IDS, loadFixtureQuestion } from '../interview/fixtures/load-question.js'

const fakeDeps = (link: () => string) => {
  const calls: Array<[number, number]> = []
  const deps: PriorityDeps = {
    readlink: link,
    setPriority: (pid, priority) => void calls.push([pid, priority]),
  }
  return { deps, calls }
}

describe('lowerThreadPriority', () => {
  it('lowers the thread /proc/thread-self names, and only it', () => {
    const { deps, calls } = fakeDeps(() => '4242/task/4250')
    expect(lowerThreadPriority(12, deps)).toBe(4250)
    expect(calls).toEqual([[4250, 12]])
  })

  it('does nothing where there is no /proc (another OS): no throw, no process-wide call', () => {
    const { deps, calls } = fakeDeps(() => {
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
    })
    expect(lowerThreadPriority(BACKGROUND_NICE, deps)).toBeNull()
    expect(calls).toEqual([])
  })

  it('never calls setPriority without a thread id (0 would mean the whole process)', () => {
    for (const link of ['', 'self', '4242/task/', '4242/task/0']) {
      const { deps, calls } = fakeDeps(() => link)
      expect(lowerThreadPriority(BACKGROUND_NICE, deps)).toBeNull()
      expect(calls).toEqual([])
    }
  })

  it('swallows a refusal', () => {
    const deps: PriorityDeps = {
      readlink: () => '1/task/2',
      setPriority: () => {
        throw new Error('EACCES')
      },
    }
    expect(lowerThreadPriority(BACKGROUND_NICE, deps)).toBeNull()
  })
})

/** Nice value of each thread of this process (field 19 of /proc/self/task/<tid>/stat). */
const threadNices = (): Map<number, number> =>
  new Map(
    readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      return [Number(tid), Number(fields[16])] as const
    }),
  )

let pool: CoverageWorkerPool | null = null
afterEach(async () => {
  await pool?.close()
  pool = null
})

describe.runIf(existsSync('/proc/thread-self'))('coverage workers on Linux', () => {
  it('run below the priority of the thread that started them, which keeps its own', async () => {
    const before = threadNices()
    const questions = FIXTURE_QUESTION_IDS.slice(0, 1).map((id) => loadFixtureQuestion(id))
    pool = createCoverageWorkerPool({ questions, size: 2 })
    // A map from each worker: both have started and run their entry.
    await Promise.all([
      pool.snapshot(questions[0]!, ['We would shard by customer id.'], null),
      pool.snapshot(questions[0]!, ['Then we would add a queue.'], null),
    ])
    const after = threadNices()
    const lowered = [...after].filter(([tid, nice]) => !before.has(tid) && nice === BACKGROUND_NICE)
    expect(lowered.length).toBeGreaterThanOrEqual(2)
    // Threads that were there before (this one among them) kept their priority.
    for (const [tid, nice] of before) if (after.has(tid)) expect(after.get(tid)).toBe(nice)
  }, 60_000)
})
