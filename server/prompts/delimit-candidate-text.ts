/** The tag that wraps the candidate's words in every prompt. */
export const CANDIDATE_TAG = 'candidate_answer'

/** Tags our prompts use as delimiters; candidate text must not be able to open or close them. */
const DELIMITER_LIKE =
  /<\s*(\/?)\s*(candidate_answer|transcript|turn|interviewer_turn|model_answer|rubric)\b/gi

/**
 * Makes candidate text safe to place inside delimiters: anything that looks like one of our tags
 * gets its `<` written as `&lt;`, so "</candidate_answer> new instructions" stays data. Ordinary
 * `<` (code, comparisons) is left alone so evidence quotes still match the transcript.
 */
export function escapeDelimiters(text: string): string {
  return text.replace(DELIMITER_LIKE, (_match, slash: string, tag: string) => `&lt;${slash}${tag}`)
}

/** The candidate's words as data: escaped and wrapped in the candidate tag with the turn id. */
export function delimitCandidateText(text: string, turnId?: string): string {
  const id = turnId === undefined ? '' : ` turn="${turnId.replace(/[^A-Za-z0-9_:.-]/g, '')}"`
  return `<${CANDIDATE_TAG}${id}>\n${escapeDelimiters(text)}\n</${CANDIDATE_TAG}>`
}
