import { expect, it } from 'vitest'
import { createOnePerLoopTurn } from '../../../server/interview/one-per-loop-turn.js'

/** Lets the event loop turn until `done` holds (no wall-clock wait, so load cannot make it flaky). */
async function turnUntil(done: () => boolean) {
  for (let i = 0; i < 1000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve))
}

it('runs queued callbacks in order, one per event-loop turn', async () => {
  const order: string[] = []
  const later = createOnePerLoopTurn()
  for (const name of ['a', 'b', 'c']) {
    later(() => {
      order.push(name)
      // Queued while a callback runs (as socket I/O would be): must come before the next one.
      setImmediate(() => order.push(`after ${name}`))
    })
  }
  expect(order).toEqual([])
  await turnUntil(() => order.length >= 6)
  expect(order).toEqual(['a', 'after a', 'b', 'after b', 'c', 'after c'])
  later(() => order.push('d'))
  await turnUntil(() => order.length >= 7)
  expect(order.at(-1)).toBe('d')
})
