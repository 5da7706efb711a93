import { expect, it } from 'vitest'
import { createOnePerLoopTurn } from '../../../server/interview/one-per-loop-turn.js'

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
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(order).toEqual(['a', 'after a', 'b', 'after b', 'c', 'after c'])
  later(() => order.push('d'))
  await new Promise((resolve) => setTimeout(resolve, 5))
  expect(order.at(-1)).toBe('d')
})
