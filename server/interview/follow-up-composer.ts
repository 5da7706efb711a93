import type { ProbeMove } from '../sessions/session-schema.js'
import { splitSentences } from '../text/index.js'
import { quoteCandidate } from './candidate-quote.js'
import { normaliseQuote, type ConversationMemory } from './conversation-memory.js'
import type { CoverageItem } from './coverage-map.js'
import {
  fillTemplate,
  FOLLOW_UP_TEMPLATES,
  GENERIC_TEMPLATES,
  templateText,
  type Template,
} from './follow-up-templates.js'
import { isNearRepeat } from './question-similarity.js'
import { hashSeed } from './seeded-choice.js'
import type { StepKind } from './step-kinds.js'

export type ProbeInput = {
  kind: StepKind
  /** The step or criterion name, for `{step}`. */
  label: string
  /** Its coverage: a partly covered item is pressed on with the candidate's own words. */
  coverage: CoverageItem | null
  /** What was asked and quoted before in this session. */
  memory: Pick<ConversationMemory, 'questions' | 'quotes'>
  /** Stems of the question's step names, ignored when comparing questions. */
  labelStems: ReadonlySet<string>
  /** The candidate's answers so far, to skip a question they already answered. */
  answers: string
  seed: string
  /** `drill` for drill reps; otherwise `open` or `deeper`, by whether a quote is used. */
  move?: ProbeMove
}

/** One follow-up: its whole text, the question alone and the quote it used. */
export type ComposedProbe = {
  text: string
  question: string
  quote: string | null
  move: ProbeMove
}

/**
 * One follow-up question for a step kind, never a question (or a near-paraphrase of one) asked
 * before in the session, and never quoting the same words twice. A partly covered item is
 * pressed on with a fresh quote of the candidate; otherwise, or when the quotes are used up, an
 * open question. Varies deterministically with the seed.
 */
export function composeProbe(input: ProbeInput): ComposedProbe {
  const templates = FOLLOW_UP_TEMPLATES[input.kind]
  const quote = freshQuote(input)
  const fill = (template: string, q: string | null): ComposedProbe => {
    const text = fillTemplate(template, { step: input.label.toLowerCase(), quote: q ?? '' })
    const move = input.move ?? (q ? 'deeper' : 'open')
    return { text, question: questionPart(text, q), quote: q, move }
  }
  const usable = (template: Template) =>
    typeof template === 'string' || !template.unless.test(input.answers)
  const fresh = (probe: ComposedProbe) =>
    !isNearRepeat(probe.question, input.memory.questions, input.labelStems)
  const rotate = <T>(items: readonly T[], salt: string): T[] => {
    const start = hashSeed(`${input.seed}:${salt}`)
    return items.map((_, i) => items[(start + i) % items.length]!)
  }

  const tries: ComposedProbe[] = []
  if (quote) {
    for (const t of rotate(templates.deeper.filter(usable), 'deeper')) {
      tries.push(fill(templateText(t), quote))
    }
  }
  for (const t of rotate(templates.open.filter(usable), 'open'))
    tries.push(fill(templateText(t), null))
  for (const t of rotate(GENERIC_TEMPLATES, 'generic')) tries.push(fill(t, null))
  // Past every template, the least bad: the first choice (a long drill on one step).
  return tries.find(fresh) ?? tries[0]!
}

/**
 * A quote of the candidate not used before: the first sentence of the item's evidence that
 * yields one. Null for an item with no evidence or whose sentences were all quoted already.
 */
function freshQuote(input: ProbeInput): string | null {
  const item = input.coverage
  if (!item || item.level === 'none' || !item.evidence) return null
  for (const sentence of splitSentences(item.evidence)) {
    const quote = quoteCandidate(sentence.text)
    if (quote && !input.memory.quotes.has(normaliseQuote(quote))) return quote
  }
  return null
}

/** The question without the sentence that quotes the candidate: what is compared for repeats. */
function questionPart(text: string, quote: string | null): string {
  if (!quote) return text
  const cut = text.indexOf(`"${quote}".`)
  return cut === -1 ? text : text.slice(cut + quote.length + 3).trim()
}
