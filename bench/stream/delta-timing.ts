/** One `token-delta` as the load generator received it. */
export type ReceivedDelta = { receivedAt: number; text: string }

/** When the fake model wrote each token of one reply, and the end of its stream. */
export type SentSchedule = { tokenSentAt: readonly number[]; doneAt: number }

export type DeltaTiming = {
  /** Received minus the write of the delta's first word: how long words waited (sentence buffering included). */
  holdMs: number
  /** Received minus the write of the token that released the delta (the next word, or the stream's end). */
  overheadMs: number
  words: number
}

const countWords = (text: string) => text.split(/\s+/).filter((w) => w.length > 0).length

/**
 * Matches streamed deltas to the model's tokens by word count (one word a token). The leak guard
 * releases a sentence only when the token after its full stop arrives (it needs the whitespace),
 * so that token, or the end of the stream for the last sentence, is what released the delta.
 * Returns null when the words do not add up: the text was not the fake reply, unaltered.
 */
export function timeDeltas(
  deltas: readonly ReceivedDelta[],
  sent: SentSchedule,
): DeltaTiming[] | null {
  const total = sent.tokenSentAt.length
  const timings: DeltaTiming[] = []
  let before = 0
  for (const delta of deltas) {
    const words = countWords(delta.text)
    if (words === 0) continue
    const after = before + words
    if (after > total) return null
    const releasedAt = after < total ? sent.tokenSentAt[after]! : sent.doneAt
    timings.push({
      holdMs: delta.receivedAt - sent.tokenSentAt[before]!,
      overheadMs: delta.receivedAt - releasedAt,
      words,
    })
    before = after
  }
  return before === total ? timings : null
}
