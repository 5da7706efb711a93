import type { TextAnalyzer } from '../text/text-analyzer.js'
import { stripFencedCode } from '../text/fenced-code.js'
import { splitSentences } from '../text/tokenize.js'

/** How many model-answer sentences illustrate a criterion in its reference text. */
const EXEMPLAR_SENTENCES = 4
/** Headings and labels ("First, root cause analysis:") show no reasoning; exemplars are sentences. */
const MIN_EXEMPLAR_WORDS = 6

/**
 * The reference a criterion (or competency, or framework step) is graded against: its
 * description plus the model-answer sentences that best match it. The rubric's description says
 * what to look for; the model answer shows how a strong answer says it, so a candidate who makes
 * the point in the model answer's terms, not the rubric's, still gets credit. The criterion's
 * name is left out: it labels a category ("Tool Proficiency"), and a sentence that lists the
 * rubric's names would otherwise cover every criterion. Code blocks are left out: a spoken answer
 * describes code, it does not recite it.
 *
 * The model answer's sentences here make it cover its own references almost fully; that is why
 * the scale is not anchored on the model answer's coverage (see score-scale.ts).
 */
export function buildCriterionReference(
  analyzer: TextAnalyzer,
  criterion: { description: string },
  modelAnswer: string,
): string {
  const own = criterion.description
  const sentences = splitSentences(stripFencedCode(modelAnswer))
    .filter((s) => s.text.split(/\s+/).length >= MIN_EXEMPLAR_WORDS)
    .map((s, i) => ({ text: s.text, i, score: analyzer.coverage(s.text, own).score }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, EXEMPLAR_SENTENCES)
    .sort((a, b) => a.i - b.i)
  return [own, ...sentences.map((s) => s.text)].join('\n')
}
