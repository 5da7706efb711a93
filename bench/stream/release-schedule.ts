import { applyTurnChunk, type TurnChunk } from '../../server/interview/interviewer-engine.js'
import { countWords } from './delta-timing.js'

/**
 * Replays a reply through a text filter that may hold text back (Sparring's leak guard: `push`
 * returns what may be sent now, or a revision of all it sent, or null) and returns, per token, how
 * many words had been let out once that token arrived. The stream benchmark times each delta from the token that let it out, so the
 * hold-back the guard chooses by design is reported apart from what the server adds to it.
 */
export function computeReleaseSchedule(
  tokens: readonly string[],
  push: (delta: string) => TurnChunk | null,
): number[] {
  let released = ''
  return tokens.map((token) => {
    const chunk = push(token)
    if (chunk !== null) released = applyTurnChunk(released, chunk)
    return countWords(released)
  })
}

/**
 * How long a release schedule holds words, in tokens: the token after which the first word is
 * out (0: with the first token itself), and the median over words of (token that let the word
 * out) minus (its own token), one word a token. Words never let out are left out.
 */
export function summariseHolds(released: readonly number[]): {
  firstReleaseToken: number | null
  medianHoldTokens: number | null
} {
  const holds: number[] = []
  const words = released.at(-1) ?? 0
  for (let word = 1; word <= words; word++) {
    const token = released.findIndex((n) => n >= word)
    holds.push(token - (word - 1))
  }
  holds.sort((a, b) => a - b)
  const first = released.findIndex((n) => n >= 1)
  return {
    firstReleaseToken: first === -1 ? null : first,
    medianHoldTokens: holds.length === 0 ? null : holds[Math.floor((holds.length - 1) / 2)]!,
  }
}
