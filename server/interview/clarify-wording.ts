/**
 * Rewordings of a clarifying question toward the scenario's own words, so a fact is found when
 * the candidate says it differently: an acronym the scenario uses for words the candidate spelled
 * out ("daily active users" / "DAU"), and a few synonyms of the field ("stale" / "freshness").
 */

/** Words that name the same thing in a scenario; each group is matched by word prefix. */
const SYNONYM_GROUPS: readonly RegExp[] = [
  /^(stale\w*|fresh\w*|up-to-date)$/i,
  /^(outages?|downtime)$/i,
  /^(costs?|pric\w+|spend\w*)$/i,
  /^(users?|customers?)$/i,
  /^(deadlines?|timelines?)$/i,
]

const LITTLE_WORDS = new Set(
  'a an the of to in on at by for and or is are was be do does we our you it its this that as'.split(
    ' ',
  ),
)

/** The question with spelled-out phrases replaced by the scenario's acronyms for them. */
export function useScenarioAcronyms(asked: string, scenarioText: string): string {
  const acronyms = new Set(scenarioText.match(/\b[A-Z][A-Z0-9]{2,5}\b/g) ?? [])
  let out = asked
  for (const acronym of acronyms) {
    const letters = acronym.replace(/[0-9]/g, '')
    // Two letters match too many ordinary pairs of words ("is down" / "ID").
    if (letters.length < 3) continue
    // Consecutive words whose initials spell the acronym, e.g. "recovery time objective", none
    // of them a little word ("the cost of" is not TCO).
    const phrase = new RegExp(
      `\\b${[...letters].map((l) => `${l}[\\p{L}-]*`).join('\\s+')}\\b`,
      'giu',
    )
    out = out.replace(phrase, (match) =>
      match.split(/\s+/).some((w) => LITTLE_WORDS.has(w.toLowerCase())) ? match : acronym,
    )
  }
  return out
}

/** The question with each word that has a synonym in `sentence` replaced by that synonym. */
export function useSentenceSynonyms(asked: string, sentence: string): string {
  const sentenceWords = sentence.match(/[\p{L}-]+/gu) ?? []
  return asked.replace(/[\p{L}-]+/gu, (word) => {
    const group = SYNONYM_GROUPS.find((g) => g.test(word))
    if (!group) return word
    return sentenceWords.find((w) => group.test(w)) ?? word
  })
}
