/** One `token-delta` as the load generator received it. */
export type ReceivedDelta = { receivedAt: number; text: string }

/** When the fake model wrote each token of one reply, and the end of its stream. */
export type SentSchedule = { tokenSentAt: readonly number[]; doneAt: number }

export type DeltaTiming = {
  /**
   * Received minus the write of the token that let the server send the delta (see
   * `releasedWords`): what the server adds beyond what its own rules make it wait for.
   */
  overheadMs: number
  /** Per word of the delta: received minus the write of that word's token (hold-back included). */
  wordHoldsMs: number[]
  words: number
}

export const countWords = (text: string) => text.split(/\s+/).filter((w) => w.length > 0).length

/** Release schedule of a plain relay: each token's word may go out as soon as it arrives. */
export const releaseOnArrival = (tokens: number): number[] =>
  Array.from({ length: tokens }, (_, k) => k + 1)

/**
 * Matches streamed deltas to the model's tokens by word count (one word a token).
 * `releasedWords[k]` is how many words the server may have sent once token k arrived (a plain
 * relay: k + 1; Sparring's leak guard holds a word that makes a long run that could begin a copy
 * of the model answer until a later token shows it does not, see release-schedule.ts). A delta ending at word `w` was
 * let out by the first token k with `releasedWords[k] >= w`, or by the end of the stream.
 * Returns null when the words do not add up: the text was not the fake reply, unaltered.
 */
export function timeDeltas(
  deltas: readonly ReceivedDelta[],
  sent: SentSchedule,
  releasedWords: readonly number[] = releaseOnArrival(sent.tokenSentAt.length),
): DeltaTiming[] | null {
  const total = sent.tokenSentAt.length
  const timings: DeltaTiming[] = []
  let before = 0
  let releaser = 0
  for (const delta of deltas) {
    const words = countWords(delta.text)
    if (words === 0) continue
    const after = before + words
    if (after > total) return null
    while (releaser < total && (releasedWords[releaser] ?? 0) < after) releaser++
    const releasedAt = releaser < total ? sent.tokenSentAt[releaser]! : sent.doneAt
    const wordHoldsMs: number[] = []
    for (let w = before; w < after; w++) wordHoldsMs.push(delta.receivedAt - sent.tokenSentAt[w]!)
    timings.push({ overheadMs: delta.receivedAt - releasedAt, wordHoldsMs, words })
    before = after
  }
  return before === total ? timings : null
}
