import { describe, expect, it } from 'vitest'
import { statesPosition } from '../../../server/grading/opening-position.js'

// "Lead with the conclusion" is advised when the first sentence only restates the question; an
// opening that takes a position in the question's own words already leads with it.
describe('statesPosition', () => {
  it.each([
    'My suspicion is that the local caches have stopped being local.',
    "The first thing I'd want to know is where those 2 seconds are spent.",
    'Before I plan any percentages, I want to know why a flag set to zero served everyone.',
    "I'd roll back first and look at the diff afterwards.",
    'The bottleneck is almost certainly the connection pool.',
  ])('takes a position: %s', (s) => expect(statesPosition(s)).toBe(true))

  it.each([
    'So we have 40 services and 40 databases and the booking flow spans six of them.',
    'Before I take a side I want the real price tag on both options.',
    'The API returns user profiles with 100 orders and 50 recommendations.',
  ])('restates or defers: %s', (s) => expect(statesPosition(s)).toBe(false))
})
