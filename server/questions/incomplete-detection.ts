import type { Question } from './question-schema.js'

type Flag = Question['incomplete'][number]
type Draft = Omit<Question, 'incomplete'>

/** Below this many words a model answer is a stub, not an answer; the seed's shortest has ~250. */
export const MIN_ANSWER_WORDS = 60

const words = (text: string) => text.split(/\s+/).filter((w) => /\w/.test(w)).length

/** Identifiers the model answer names in code or backticks: `full_name`, `primary_email`. */
function codeIdentifiers(markdown: string): Set<string> {
  const code = [...markdown.matchAll(/```[\s\S]*?```|`[^`\n]+`/g)].map((m) => m[0]).join('\n')
  return new Set(code.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [])
}

/**
 * Words of the scenario that are two identifiers of the answer run together with the separator
 * between them lost (the seed's "namefull_name" for `name` and `full_name`).
 */
export function findRunTogetherIdentifiers(scenario: string, answer: string): [string, string, string][] {
  const known = codeIdentifiers(answer)
  const prose = scenario.replace(/```[\s\S]*?```/g, '')
  const found: [string, string, string][] = []
  for (const word of new Set(prose.match(/\b[a-z][a-z0-9]*_[a-z0-9_]+\b/g) ?? [])) {
    if (known.has(word)) continue
    for (let i = 2; i <= word.length - 2; i++) {
      const [a, b] = [word.slice(0, i), word.slice(i)]
      if (known.has(a) && known.has(b)) {
        found.push([word, a, b])
        break
      }
    }
  }
  return found
}

/** Flags the parts of a question the source leaves incomplete; it never fills them in. */
export function detectIncomplete(q: Draft): Flag[] {
  const flags: Flag[] = []
  const glued = findRunTogetherIdentifiers(q.scenario, q.modelAnswer)
  if (glued.length > 0) {
    const list = glued.map(([w, a, b]) => `"${w}" (\`${a}\` and \`${b}\`)`).join(', ')
    flags.push({
      part: 'scenario',
      note: `The source lost the separator between identifiers the model answer names: ${list}; the scenario is kept as the source wrote it.`,
    })
  }
  if (q.framework.name === '') {
    flags.push({
      part: 'frameworkName',
      note: 'The source names no framework for this question, only its numbered structure; the steps are complete.',
    })
  }
  const answerWords = words(q.modelAnswer)
  if (answerWords < MIN_ANSWER_WORDS) {
    flags.push({
      part: 'modelAnswer',
      note:
        answerWords === 0
          ? 'The source gives no model answer.'
          : `The source's model answer is only ${answerWords} words; it looks cut short and is not completed here.`,
    })
  }
  return flags
}
