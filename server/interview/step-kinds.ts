/**
 * The kinds of framework step the offline interviewer has follow-up templates for. A bank's
 * steps have free names ("Pre-Implementation Validation", "Phase 3: CDC Sync"), so a step is
 * matched to a kind by the words of its name first, then of its description.
 */
export const STEP_KINDS = [
  'assumptions',
  'validation',
  'root-cause',
  'metrics',
  'costs',
  'trade-offs',
  'failure-modes',
  'rollout',
  'verification',
  'implementation',
  'communication',
  'reflection',
  'general',
] as const
export type StepKind = (typeof STEP_KINDS)[number]

// Order matters: the first kind whose pattern matches wins, so the specific ones come first
// ("Pre-Implementation Validation" is validation, "Hidden Cost Analysis" is costs).
const MATCHERS: Array<[StepKind, RegExp]> = [
  ['assumptions', /assum|constraint|requirement|scope|clarif|situation|context/],
  ['validation', /validat|prototyp|simulat|proof of concept|spike|pre-rollout|beta/],
  ['costs', /cost|tco|budget|econom|\broi\b|breakeven|salar|spend/],
  ['metrics', /metric|indicator|monitor|measur|observab|detect|alert|success criteria|stage gate/],
  ['root-cause', /root cause|hypothes|diagnos|symptom|eliminat|isolat|debug|tool/],
  ['failure-modes', /risk|fallback|pivot|escalat|kill switch|rollback|failure|trigger|threshold/],
  [
    'rollout',
    /rollout|roll out|deploy|canary|gradual|phase|cutover|migrat|dual write|percentage|deprecat|default switch/,
  ],
  ['implementation', /implement|idempoten|atomic|transaction|code/],
  ['trade-offs', /option|alternative|trade-?off|compar|hybrid|recommend|decision/],
  ['verification', /verif|confirm|reconcil|backfill|test/],
  ['communication', /communicat|stakeholder|messag|customer|organi[sz]ation/],
  ['reflection', /learning|impact|behavio|analysis|retrospect|intangible|forward|lesson/],
  ['implementation', /sync|bulk|load|fix|change|negotiation|additive|strateg/],
]

/** The kind of a framework step, by its name, then by its description. */
export function classifyStep(step: { name: string; description: string }): StepKind {
  for (const text of [step.name, step.description]) {
    const lower = text.toLowerCase()
    for (const [kind, pattern] of MATCHERS) if (pattern.test(lower)) return kind
  }
  return 'general'
}
