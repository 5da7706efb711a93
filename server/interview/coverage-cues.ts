/**
 * What doing a kind of framework step sounds like. A step's own text is short and abstract
 * ("Stage Gates - Clear success criteria before proceeding") and a candidate doing it rarely uses
 * its words ("we only move to the next step if errors stay under what we agreed"), so word
 * similarity alone misses them. Each activity below says which steps are about it (by words of
 * the step's name and description) and which words show a candidate doing it. The activities are
 * the recurring moves of design and debugging interviews, each met in several questions of the
 * bank (tests/server/interview/coverage-cues.test.ts checks that none serves a single question),
 * so they carry over to questions written later.
 */
export type StepActivity = {
  name: string
  /** Matches the lowercased name and description of a step that asks for this activity. */
  step: RegExp
  /** Matches a passage of an answer doing it. */
  said: RegExp
}

export const STEP_ACTIVITIES: readonly StepActivity[] = [
  {
    name: 'constraints',
    step: /assum|constraint|situation|context|requirement|scope|clarif|preparation|audit/,
    said: /\b(team of|\d+\s+(developers|engineers|people)|junior|deadline|budget|we have|working with|assum\w*|given that|constraints?|at the time|years ago|stakes|inventory|audit|client|contract)\b/i,
  },
  {
    name: 'options',
    step: /option|alternative|approach|compar|path|strateg(y|ies)\b(?!.*rollout)/,
    said: /\b(one way|another (option|approach|way|one|choice)|options?|alternatives?|alternatively|instead of|versus|vs\.?|compare\w*|could also|had we|would have|if we had|go with|either)\b/i,
  },
  {
    name: 'trade-offs',
    step: /trade-?off|pros|cons|evaluat|consistency vs|reversib|complexity/,
    said: /\b(but|cheap(er)?|simpl(e|er|est)|at the cost|pros|cons|trade-?offs?|downsides?|upside|more (complex|moving parts)|fresh(er|est)|rather|outweighs?|reversib\w*|undo)\b/i,
  },
  {
    name: 'costs',
    step: /cost|tco|econom|salar|budget|spend|accounting|roi|breakeven/,
    said: /(\$\s?\d|\b\d+\s?(k|m)\b|\b(costs?|salar(y|ies)|budget|pric\w*|spend\w*|bill|licen[cs]es?|per (year|month)|a year|million|expensive|cheap\w*|money|consultants?|savings?|invoice)\b)/i,
  },
  {
    name: 'hidden-factors',
    step: /hidden|not being accounted|intangible|morale|hiring pool|time-to-market/,
    said: /\b(nobody|hidden|not (counted|included|budgeted)|morale|satisf\w*|attrition|hiring|hire|on-call|incidents?|learns?|time to market|market)\b/i,
  },
  {
    name: 'middle-ground',
    step: /hybrid|middle ground|selective|moderni[sz]/,
    said: /\b(middle ground|hybrid|big bang|one (service|module|part|piece) at a time|strangler|selective\w*|incremental\w*|behind an? (interface|facade)|swap|combin\w*|modernis\w*|moderniz\w*|extract\w*)\b/i,
  },
  {
    name: 'metrics',
    step: /metric|measur|success|indicator|monitor|detect|kpi|stage gate|criteria/,
    said: /\b(p\d\d|latency|error rate|rate|counts?|how many|dashboards?|alert\w*|track\w*|measur\w*|look at|counters?|log every|per (hour|day|week)|watch\w*|prometheus|metrics?|indicators?)\b/i,
  },
  {
    name: 'triggers',
    step: /escalat|pivot|trigger|refactor|threshold|kill switch|rollback/,
    said: /\b(go(es)? (past|over|above|beyond)|pass(es)?|exceeds?|stays? (above|over)|more than|that is when|revisit|reopen|refactor|switch (back|off)|if (either|it|they) (moves?|doubles?|rises?)|doubles?|falls? below)\b/i,
  },
  {
    name: 'risk',
    step: /risk|failure|probab|fallback|escape/,
    said: /\b(risk\w*|chance|fail\w*|abandon\w*|stall|scary|unknowns?|probab\w*|edge cases|go(es)? wrong|worst case)\b/i,
  },
  {
    name: 'arithmetic',
    step: /breakeven|roi|math|calculat|quantif|impact/,
    said: /(\b\d+(\.\d+)?\s?(%|percent|x|k|m|years?|months?|weeks?|hours?)\b|\$\s?\d|\b(pays? off|pay back|money back|breakeven|times|exceeds?)\b)/i,
  },
  {
    name: 'diagnosis',
    step: /root cause|diagnos|how did we get|why|analysis|symptom/,
    said: /\b(because|caus\w*|why|the reason|happens?|which means|mistake|underlying|leak\w*|theory|suspect)\b/i,
  },
  {
    name: 'tools',
    step: /tool|devtools|tracing|profil|logs|connection pool/,
    said: /\b(devtools|profil\w*|tracing|traces?|network tab|waterfall|explain|pg_stat\w*|grep|curl|flame|apm|logs?|performance tab)\b/i,
  },
  {
    name: 'isolation',
    step: /hypothes|test each|isolat|eliminat|layer|independent/,
    said: /\b(one (thing|change) at a time|one at a time|independently|alone|isolat\w*|rule (it|them|that) out|replay\w*|split the|measure again|see (if|whether)|to test|suspects?|layer)\b/i,
  },
  {
    name: 'fix',
    step: /\bfix|implement|code|hotfix|config|change|solution/,
    said: /\b(roll(ed)? (it )?back|hotfix|bump|fix\w*|code|handler|function|config\w*|restart|patch)\b/i,
  },
  {
    name: 'verification',
    step: /verif|confirm|validat|reconcil|backfill/,
    said: /\b(verif\w*|confirm\w*|make sure|watch\w*|come back|back (to|under)|check (that|whether)|compare\w*|checksums?|row counts|test suite|reconcil\w*|matches)\b/i,
  },
  {
    name: 'communication',
    step: /communicat|messag|stakeholder|customer|announce|inform/,
    said: /\b(tell|told|email\w*|post\w*|status page|channel|updates?|heads-up|let .{0,30} know|inform\w*|notif\w*|support|reach out|announc\w*)\b/i,
  },
  {
    name: 'gradual-exposure',
    step: /gradual|percentage|rollout|canary|traffic shift|cutover|staged|beta/,
    said: /(\b\d+\s?(%|percent)|\b(gradual\w*|slice|canary|ramp\w*|everyone|at each (step|stage)|step by step)\b)/i,
  },
  {
    name: 'undo',
    step: /kill switch|rollback|revert|instant|escape/,
    said: /\b(switch|turns? (it )?off|roll ?back|revert\w*|disable\w*|within seconds|under \d+ seconds|automatic\w*)\b/i,
  },
  {
    name: 'gates',
    step: /gate|criteria|before proceeding|sign.?off/,
    said: /\b(only (move|go|proceed)|before (going|moving)|sign\w* off|stays? within|agreed (beforehand|up front)|criteria|for at least|go\/no-go|next (step|stage))\b/i,
  },
  {
    name: 'pre-validation',
    step: /validat|pre-rollout|internal|beta|prototyp|proof|preparation|dry run/,
    said: /\b(staff|internal\w*|beta|opted in|staging|prototype|load test\w*|dry run|tested|pilot)\b/i,
  },
  {
    name: 'organisation',
    step: /organi[sz]|platform team|contracts?|review board|political|team/,
    said: /\b(teams?|groups?|owns?|owned|review|contracts?|org\w*|politic\w*)\b/i,
  },
  {
    name: 'decision',
    step: /recommend|decision|behavio|realistic|decided|what you decided/,
    said: /\b(i('d| would) (use|go with|pick|choose|recommend)|realistically|recommend\w*|i decided|i chose|i picked|i believed|i wanted)\b/i,
  },
  {
    name: 'consequences',
    step: /impact|consequence|quantif|outcome/,
    said: /\b(result\w*|late|cost us|lost|outages?|went from|slower|damage)\b/i,
  },
  {
    name: 'learning',
    step: /learning|lesson|behavio(u)?r change|forward|what changes now|differently/,
    said: /\b(since then|now i|learn\w*|lessons?|changed|these days|going forward|from now on|i now)\b/i,
  },
  {
    name: 'phasing',
    step: /phase|week|minutes? \d|month|stage/,
    said: /\b(first|then|after|once|next|finally|week \w+|month \w+|day \w+|in the (first|third|second|last))\b/i,
  },
]

/** The activities a framework step asks for, by the words of its name and description. */
export function activitiesOf(stepText: string): StepActivity[] {
  const lower = stepText.toLowerCase()
  return STEP_ACTIVITIES.filter((a) => a.step.test(lower))
}

/**
 * A passage that waves a step away rather than doing it: "I would not do dual writes at all",
 * "we should just deploy it to everyone", "I regret nothing". Naming a step's words to dismiss
 * them is not covering it.
 */
export const DISMISSAL =
  /\b(would ?n[o']t|will ?n[o']t|not going to|no need|don'?t need|never|nothing|just|simply|anyway|definitely)\b/i
