import { describe, expect, it } from 'vitest'
import { hasFillerTalk } from '../../../server/grading/filler-talk.js'

describe('hasFillerTalk', () => {
  it.each([
    'Honestly, that is one of the trickiest parts.',
    'At the end of the day it is all about the team.',
    'That’s a great question, and I think it matters.',
    'So, in other words, nothing gets lost.',
  ])('hears filler in "%s"', (s) => expect(hasFillerTalk(s)).toBe(true))

  it.each([
    'Debezium reads the write-ahead log into Kafka.',
    'Alert when replication lag passes one minute, well inside the five-minute RPO.',
    // Whole words only: "justify", "everyday" and "overally" are not the markers.
    'Justify the reindex with the everyday query plan.',
    // "Just" as "only" narrows a point; it is not talk.
    'Lock just the three writes inside the transaction.',
    // Hedges of speech leave room for doubt (certainty.ts); they are not padding.
    "I think it's kind of the pool, sort of a classic.",
  ])('hears none in "%s"', (s) => expect(hasFillerTalk(s)).toBe(false))
})
