import type { Turn } from '../sessions/session-schema.js'
import { quoteCandidate } from './candidate-quote.js'
import type { CoverageItem } from './coverage-map.js'
import { fillTemplate, FOLLOW_UP_TEMPLATES } from './follow-up-templates.js'
import { hashSeed } from './seeded-choice.js'
import type { StepKind } from './step-kinds.js'

export type ProbeInput = {
  kind: StepKind
  /** The step or criterion name, for `{step}`. */
  label: string
  /** Its coverage: a partly covered item is pressed on with the candidate's own words. */
  coverage: CoverageItem | null
  /** Text of the latest answer, quoted when the item has no evidence of its own. */
  latestAnswer: string | null
  turns: readonly Turn[]
  seed: string
}

/**
 * One follow-up question for a step kind. Varies deterministically with the seed, and avoids a
 * question the interviewer already asked in this session.
 */
export function composeProbe(input: ProbeInput): string {
  const templates = FOLLOW_UP_TEMPLATES[input.kind]
  const partial = input.coverage !== null && input.coverage.level !== 'none'
  const quote = quoteCandidate(partial ? input.coverage?.evidence : null)
  const pool = quote ? templates.deeper : templates.open
  const asked = input.turns.filter((t) => t.role === 'interviewer').map((t) => t.text)
  const start = hashSeed(input.seed)
  let fallback = ''
  for (let i = 0; i < pool.length; i++) {
    const text = fillTemplate(pool[(start + i) % pool.length]!, {
      step: input.label.toLowerCase(),
      quote: quote ?? '',
    })
    if (i === 0) fallback = text
    if (!asked.some((a) => a.includes(text))) return text
  }
  return fallback
}
