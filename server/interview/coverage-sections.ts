import type { Question } from '../questions/question-schema.js'
import { splitSentences, type TextAnalyzer } from '../text/index.js'

/** A line this short without a full stop is a heading ("Week 2-3: Bulk Load (10TB)"). */
const MAX_HEADING_WORDS = 8
/** Words before a colon that can be a label ("Impact (quantified): ..."). */
const MAX_LABEL_WORDS = 6
/** A heading opens a step's section when it covers this share of the step's name or text. */
const HEADING_MATCH = 0.5
/** A body line goes to another step than its section's when it covers this share of its text. */
const BODY_MATCH = 0.5

/**
 * The model answer's sentences about each framework step, in step order. A model answer is
 * written in sections ("Situation:", "Impact (quantified):", "Week 2-3: Bulk Load") whose body
 * lines rarely repeat the step's words ("Feature velocity: 40% slower for 6 months"), so a line
 * goes to the step of the last heading or label that named one, unless its own words clearly
 * match another. Of code, only comments of a few words count ("// Emergency kill switch
 * overrides everything"): code-heavy answers explain their steps there. Reference material for the coverage map; never shown.
 */
export function stepSections(question: Question, analyzer: TextAnalyzer): string[][] {
  const steps = question.framework.steps
  const texts = steps.map((s) => `${s.name}. ${s.description}`)
  const sections = steps.map((): string[] => [])
  const bestOf = (text: string, refs: readonly string[]) => {
    let best = { score: 0, step: -1 }
    refs.forEach((ref, j) => {
      const score = analyzer.coverage(text, ref).score
      if (score > best.score) best = { score, step: j }
    })
    return best
  }
  let current = -1
  for (const text of proseLines(question.modelAnswer)) {
    if (!/[\p{L}]/u.test(text)) continue
    const words = analyzer.tokens(text).length
    const colon = text.indexOf(':')
    const label = colon > 0 ? text.slice(0, colon) : ''
    const heading =
      words <= MAX_HEADING_WORDS && !/[.!?]$/.test(text)
        ? text
        : analyzer.tokens(label).length <= MAX_LABEL_WORDS
          ? label
          : ''
    if (heading) {
      const byName = bestOf(
        heading,
        steps.map((s) => s.name),
      )
      const byText = bestOf(heading, texts)
      const best = byName.score >= byText.score ? byName : byText
      if (best.score >= HEADING_MATCH) current = best.step
    }
    if (text.endsWith(':')) continue
    const own = bestOf(text, texts)
    const step = own.score >= BODY_MATCH ? own.step : current
    if (step < 0) continue
    for (const sentence of splitSentences(text)) sections[step]!.push(sentence.text)
  }
  return sections
}

/** A comment in code: `// text`, `# text` or `-- text`. */
const COMMENT = /^\s*(?:\/\/|#|--)\s*(.*)$/
const MIN_COMMENT_WORDS = 3

/** The answer's lines of prose, bullets and numbering stripped, with the comments of its code. */
function proseLines(markdown: string): string[] {
  const lines: string[] = []
  let inCode = false
  for (const raw of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(raw)) {
      inCode = !inCode
      continue
    }
    const comment = inCode ? COMMENT.exec(raw)?.[1] : undefined
    if (inCode && (!comment || comment.split(/\s+/).length < MIN_COMMENT_WORDS)) continue
    const text = (comment ?? raw).replace(/^[\s#>*•\-–—\d.)]+/, '').trim()
    if (/[\p{L}]/u.test(text)) lines.push(text)
  }
  return lines
}
