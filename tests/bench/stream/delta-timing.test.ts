import { describe, expect, it } from 'vitest'
import { releaseOnArrival, timeDeltas } from '../../../bench/stream/delta-timing.js'

describe('timeDeltas', () => {
  const sent = { tokenSentAt: [100, 150, 200, 250, 300], doneAt: 320 }

  it('times a plain relay from each token itself', () => {
    const deltas = [100, 150, 200, 250, 300].map((at, i) => ({
      receivedAt: at + 2,
      text: i === 0 ? 'How' : ' w',
    }))
    const timings = timeDeltas(deltas, sent)
    expect(timings?.map((t) => t.overheadMs)).toEqual([2, 2, 2, 2, 2])
    expect(timings?.map((t) => t.wordHoldsMs)).toEqual([[2], [2], [2], [2], [2]])
  })

  it('times a held delta from the token that let it out, and each word from its own token', () => {
    // Words 1-2 went out once token 2 arrived, words 3-5 only at the end of the stream.
    const released = [0, 0, 2, 2, 2]
    const deltas = [
      { receivedAt: 205, text: 'How is' },
      { receivedAt: 330, text: ' it going today?' },
    ]
    expect(timeDeltas(deltas, sent, released)).toEqual([
      { overheadMs: 5, wordHoldsMs: [105, 55], words: 2 },
      { overheadMs: 10, wordHoldsMs: [130, 80, 30], words: 3 },
    ])
  })

  it('returns null when the words do not add up to the reply', () => {
    expect(timeDeltas([{ receivedAt: 400, text: 'Only two.' }], sent)).toBeNull()
    expect(timeDeltas([{ receivedAt: 400, text: 'one two three four five six' }], sent)).toBeNull()
  })

  it('releases each word on arrival by default', () => {
    expect(releaseOnArrival(3)).toEqual([1, 2, 3])
  })
})
