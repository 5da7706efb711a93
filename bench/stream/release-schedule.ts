import { countWords } from './delta-timing.js'

/**
 * Replays a reply through a text filter that may hold text back (Sparring's leak guard: `push`
 * returns what may be sent now) and returns, per token, how many words had been let out once that
 * token arrived. The stream benchmark times each delta from the token that let it out, so the
 * hold-back the guard chooses by design is reported apart from what the server adds to it.
 */
export function computeReleaseSchedule(
  tokens: readonly string[],
  push: (delta: string) => string,
): number[] {
  let released = ''
  return tokens.map((token) => {
    released += push(token)
    return countWords(released)
  })
}
