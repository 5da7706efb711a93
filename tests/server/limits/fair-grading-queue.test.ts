import { describe, expect, it } from 'vitest'
import { createFairQueue } from '../../../server/limits/fair-grading-queue.js'

/** A job that records its start and ends when told. */
function gate(started: string[], name: string) {
  let end: () => void = () => {}
  const done = new Promise<void>((resolve) => (end = resolve))
  return { work: () => (started.push(name), done), end }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('createFairQueue', () => {
  it('starts the next job of the identity served longest ago: round-robin, not first-come', async () => {
    const queue = createFairQueue({ concurrency: 1 })
    const started: string[] = []
    const jobs = {
      a1: gate(started, 'a1'),
      a2: gate(started, 'a2'),
      a3: gate(started, 'a3'),
      b1: gate(started, 'b1'),
      c1: gate(started, 'c1'),
    }
    const runs = [
      queue.run('alice', jobs.a1.work),
      queue.run('alice', jobs.a2.work),
      queue.run('alice', jobs.a3.work),
      queue.run('bob', jobs.b1.work),
      queue.run('carol', jobs.c1.work),
    ]
    await tick()
    expect(started).toEqual(['a1'])
    expect(queue.waiting()).toBe(4)
    for (const job of [jobs.a1, jobs.b1, jobs.c1, jobs.a2, jobs.a3]) {
      job.end()
      await tick()
      await tick()
    }
    await Promise.all(runs)
    // Bob's and Carol's one job each wait for Alice's first only, not for all three.
    expect(started).toEqual(['a1', 'b1', 'c1', 'a2', 'a3'])
  })

  it('runs up to its concurrency at once and passes results and failures through', async () => {
    const queue = createFairQueue({ concurrency: 2 })
    const started: string[] = []
    const a = gate(started, 'a')
    const b = gate(started, 'b')
    const c = gate(started, 'c')
    const ra = queue.run('x', a.work)
    const rb = queue.run('y', b.work)
    const rc = queue.run('x', c.work)
    await tick()
    expect(started).toEqual(['a', 'b'])
    a.end()
    await ra
    await tick()
    expect(started).toEqual(['a', 'b', 'c'])
    b.end()
    c.end()
    await Promise.all([rb, rc])
    await expect(queue.run('x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await queue.run('x', async () => 7)).toBe(7)
  })
})
