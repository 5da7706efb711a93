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

/**
 * Words a candidate uses when doing a step of each kind ("I assume", "canary", "alert on").
 * A passage that uses them gets a bonus on steps of that kind: the candidate named the activity,
 * which word similarity to the step's description alone often misses.
 */
const CUES: Record<StepKind, RegExp | null> = {
  assumptions: /\b(assum\w*|let'?s say|suppose|estimat\w*|i'?d expect|given that)\b/i,
  validation:
    /\b(prototyp\w*|load[- ]?test\w*|benchmark\w*|spike|proof of concept|simulat\w*|validat\w*)\b/i,
  metrics: /\b(metrics?|indicators?|monitor\w*|alert\w*|dashboards?|measur\w*|p9\d|slos?|slas?)\b/i,
  costs:
    /\b(costs?|costing|budget\w*|spend\w*|headcount|salar\w*|pric\w*|expensive|cheap\w*)\b|\$\d/i,
  'failure-modes':
    /\b(thresholds?|triggers?|fallback|roll ?back|revert\w*|plan b|pivot\w*|escape hatch|worst case)\b/i,
  'root-cause':
    /\b(hypothes\w*|suspects?|root cause|rule (it|them|that) out|likely cause|diagnos\w*|profil\w*|explain\(\))/i,
  rollout:
    /\b(canary|roll ?out|percent of (the )?traffic|feature flags?|stages?|gradual\w*|cutover|dual[- ]?writes?)\b/i,
  verification: /\b(verif\w*|confirm\w*|reconcil\w*|backfill\w*|regress\w*|make sure)\b/i,
  implementation: /\b(idempoten\w*|transactions?|outbox|atomic\w*|locks?|locking|retry|retries)\b/i,
  'trade-offs':
    /\b(trade-?offs?|instead of|rather than|alternatives?|versus|downsides?|on the other hand)\b/i,
  communication: /\b(stakeholders?|communicat\w*|customers?|announc\w*|buy-?in)\b/i,
  reflection: /\b(learn\w*|lessons?|differently|mistakes?|in hindsight)\b/i,
  general: null,
}

/** The cue pattern of a step kind, or null when the kind has none. */
export function cueOf(kind: StepKind): RegExp | null {
  return CUES[kind]
}
