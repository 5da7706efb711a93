import type { StepKind } from './step-kinds.js'

/**
 * A follow-up template: one question (one `?`), phrased as a demanding interviewer would ask it.
 * `{step}` is the step's name, `{quote}` a short span of the candidate's own words. `unless`
 * skips it when the candidate's answers already do what it asks: "what is your next suspect"
 * after a ranked list of suspects is a question already answered.
 */
export type Template = string | { text: string; unless: RegExp }

/**
 * Templates per step kind. `open` probes a step the answers have not touched; `deeper` presses
 * on one they only grazed, quoting them; `hints` are statements for drill verdicts. None carries
 * content from the model answer.
 */
export type KindTemplates = { open: Template[]; deeper: Template[]; hints: string[] }

const RANKED =
  /\b(first|second|then|next|after that|ranked|in order|most likely)\b.*\b(then|next|second|third|finally)\b/is
const TELLS_APART =
  /\b(tell (it|them|that) apart|distinguish|rule (it|them|that|this) out|whereas|unlike|as opposed to|signature)\b/i
const THRESHOLD =
  /\b(threshold|above|below|more than|less than|over|under)\b.{0,40}\d|\d+\s*(%|ms|s\b|seconds|minutes|x\b)/i
const ROLLBACK = /\b(roll ?back|revert|kill switch|flip (the )?flag|back out)\b/i
/** An answer that already splits the problem by layer ("measured at the server... in the browser"). */
const LAYERED =
  /\b(layers?|tiers?)\b|\b(server|backend|database)\b[^.?!]*\b(browser|frontend|client|network|wire)\b|\b(browser|frontend|client|network)\b[^.?!]*\b(server|backend|database)\b/i

export const FOLLOW_UP_TEMPLATES: Record<StepKind, KindTemplates> = {
  assumptions: {
    open: [
      'Before we go further, what scale, team, budget and timeline are you designing for, in numbers?',
      'Which assumption is this design most sensitive to, and what happens if it is off by 10x?',
      "Which of the constraints you're taking as given would you check first, and how?",
    ],
    deeper: [
      'You said "{quote}". What exactly are you assuming there, and how confident are you in it?',
      'You said "{quote}". If that turned out to be wrong, what breaks first?',
      'Take "{quote}". Is that a fact you were given or an assumption you made?',
    ],
    hints: [
      'Hint: list what you are taking as given, with numbers, before defending a choice.',
      'Hint: name the one assumption that, if wrong, changes the whole design.',
    ],
  },
  validation: {
    open: [
      'How would you know this is the right call before you build it, and what result would make you drop it?',
      "Let's talk about {step}: what's the cheapest experiment that could prove you wrong before you commit?",
      'Suppose you have two weeks before the decision is locked in: how do you spend them to validate it?',
    ],
    deeper: [
      {
        text: 'You said "{quote}". What number from that test would make you change course?',
        unless: THRESHOLD,
      },
      'You said "{quote}". How do you make sure that experiment resembles production and not a happy path?',
    ],
    hints: [
      'Hint: think of an experiment with a result that would make you abandon the plan.',
      'Hint: say what you can simulate or prototype cheaply, and what you would measure while doing it.',
    ],
  },
  'root-cause': {
    open: [
      'Walk me through how you would find the cause: what are your top hypotheses, in order?',
      "Let's do {step}: what would you check first, and what exact command or query would you run?",
      { text: 'How do you narrow this down to one layer?', unless: LAYERED },
    ],
    deeper: [
      'You said "{quote}". What evidence would confirm that?',
      {
        text: 'You said "{quote}". If that check comes back clean, what is your next suspect?',
        unless: RANKED,
      },
      {
        text: 'You said "{quote}". How do you tell that apart from a problem that merely looks the same?',
        unless: TELLS_APART,
      },
    ],
    hints: [
      'Hint: rank your suspects by likelihood and cost to check, then say how each one is ruled out.',
      'Hint: name the concrete tool or command and what its output would show.',
    ],
  },
  metrics: {
    open: [
      'How would you know, in production, that this is going wrong before it becomes an incident?',
      "Let's talk about {step}: which signals would you watch, and at what threshold would you act?",
      'Which leading indicators would you put on a dashboard from day one, and which of them would page someone?',
    ],
    deeper: [
      {
        text: 'You said "{quote}". What is the threshold on that, and who acts when it is crossed?',
        unless: THRESHOLD,
      },
      'You said "{quote}". Is that a leading or a lagging signal?',
    ],
    hints: [
      'Hint: a metric without a threshold and an owner is not an early warning.',
      'Hint: think of signals that move weeks before users notice anything.',
    ],
  },
  costs: {
    open: [
      "Let's put numbers on it: what does this cost, beyond the infrastructure bill?",
      'What are you not accounting for in people, operations and hiring?',
      "Let's do {step}: roughly what does each option cost, and what does being wrong cost?",
    ],
    deeper: [
      'You said "{quote}". How did you get to that figure, and what is missing from it?',
      'You said "{quote}". What does that cost in engineer time and on-call load?',
    ],
    hints: [
      'Hint: count team time, operational load and hiring, not only infrastructure.',
      'Hint: give an order of magnitude for each cost and say how you would check it.',
    ],
  },
  'trade-offs': {
    open: [
      // An open probe comes before the candidate has chosen anything: it must not presume a choice.
      'What options would you weigh here, and what does each one give up?',
      "Let's talk about {step}: which option loses on the dimensions that matter here, and why?",
      'What would make you change your mind about this approach?',
    ],
    deeper: [
      'You said "{quote}". What is the strongest argument against that?',
      'You said "{quote}". Under what conditions would the alternative be the better call?',
      'You said "{quote}". What does that cost you, and who pays it?',
    ],
    hints: [
      'Hint: argue for the option you rejected, then say what tips the balance.',
      'Hint: name the conditions under which you would reverse the decision.',
    ],
  },
  'failure-modes': {
    open: [
      'Suppose this turns out to be the wrong call a year in: what would tell you, and what is your way back?',
      "Let's talk about {step}: what exactly triggers a change of course?",
      'What is the worst failure here, and what do you do when it happens at 3 a.m.?',
    ],
    deeper: [
      { text: 'You said "{quote}". What is the concrete trigger for that?', unless: THRESHOLD },
      'You said "{quote}". What happens to users and data while you are doing it?',
    ],
    hints: [
      'Hint: define the threshold that triggers a change of plan before you need it.',
      'Hint: think about how reversible each step is and what the way back costs.',
    ],
  },
  rollout: {
    open: [
      'How do you get this into production safely, step by step?',
      "Let's talk about {step}: what has to be true before you move to the next stage?",
      'Who sees this first, how fast do you widen it, and what makes you stop?',
    ],
    deeper: [
      { text: 'You said "{quote}". What triggers a rollback at that stage?', unless: ROLLBACK },
      'You said "{quote}". What happens to requests in flight and data written during that step?',
    ],
    hints: [
      'Hint: think in stages, each with an entry condition and a rollback.',
      'Hint: say what stays backward compatible while two versions run side by side.',
    ],
  },
  verification: {
    open: [
      'How do you know the fix worked and broke nothing else?',
      "Let's talk about {step}: what exactly do you check, and for how long, before you call it done?",
      'What is your evidence, a week later, that this is really fixed?',
    ],
    deeper: [
      'You said "{quote}". What result would tell you it did not work?',
      'You said "{quote}". How do you catch the cases that check would miss?',
    ],
    hints: [
      'Hint: say what you measure before and after, and what would count as a regression.',
      'Hint: think about the records or users the fix does not reach automatically.',
    ],
  },
  implementation: {
    open: [
      'Get concrete: how does this work in the code and the data, for one request?',
      "Let's talk about {step}: what exactly changes, and what guarantees do you rely on?",
      'What happens on a retry, a timeout, or two requests at the same time?',
    ],
    deeper: [
      'You said "{quote}". What happens when that step fails halfway?',
      'You said "{quote}". Which guarantees does that give you, and which does it not?',
      'You said "{quote}". What does that look like under concurrent requests?',
    ],
    hints: [
      'Hint: walk one request through, then ask what a retry or a crash does to it.',
      'Hint: name the guarantee you rely on and where it comes from.',
    ],
  },
  communication: {
    open: [
      'Who needs to know about this, and what do you tell them, when?',
      "Let's talk about {step}: how do you get the people and teams involved to actually change course?",
    ],
    deeper: [
      'You said "{quote}". How do you get buy-in from the people who disagree?',
      'You said "{quote}". What do you tell customers, and when?',
    ],
    hints: [
      'Hint: think about who is affected and what each of them needs to hear.',
      'Hint: think about what would make the other teams act, not just agree.',
    ],
  },
  reflection: {
    open: [
      'What did this cost, in concrete terms, and what would you do differently?',
      "Let's talk about {step}: what is the real lesson here, and how would anyone see you applied it?",
    ],
    deeper: [
      'You said "{quote}". What is the evidence for that?',
      'You said "{quote}". Is that the root cause or a symptom?',
    ],
    hints: [
      'Hint: quantify the impact, then separate the cause from the symptoms.',
      'Hint: a lesson counts when it changed a decision you made later.',
    ],
  },
  general: {
    open: [
      "Let's talk about {step}: what is your approach, concretely?",
      "You haven't covered {step} yet: how would you handle it?",
    ],
    deeper: [
      'You said "{quote}". Go one level deeper: how exactly?',
      'You said "{quote}". What would make you change your mind on that?',
    ],
    hints: ['Hint: be concrete: numbers, names, and what you would do first.'],
  },
}

/**
 * Questions that fit any step, naming it: asked when a step kind's own templates are used up
 * (several steps of one kind in a question, or many drill reps on one focus).
 */
export const GENERIC_TEMPLATES: readonly string[] = [
  "Let's move to {step}: what would you do first there, and why that first?",
  'On {step}, what is the one number you would want before deciding anything?',
  'For {step}, what could go wrong, and how would you notice?',
  'How would you explain your plan for {step} to the engineer who has to run it at 3 a.m.?',
  'What would you deliberately leave out of {step} to ship sooner, and what does that risk?',
  'If {step} took twice as long as planned, what would you cut?',
  'Who on the team owns {step}, and how do they know it is done?',
  'What is the first concrete action you would take on {step} tomorrow morning?',
]

/** Pushback on a bare list of keywords: name them back and ask for one, worked through. */
export const PUSHBACK_TEMPLATES: readonly string[] = [
  'You listed {terms}: pick the one you would do first and walk me through it.',
  '{terms} is a list, not a plan: which one matters most here, and how exactly would you do it?',
  "Those are names, not reasoning: of {terms}, take one and tell me what you'd do, step by step.",
]

/**
 * Asked when every step and criterion is covered, each once: questions that target nothing, about
 * the plan as a whole rather than one step of it. Only when all were asked does the interviewer
 * press on a covered item (offline-interviewer.ts `wrapUp`), so there are enough of them for a
 * candidate who covered the framework in the first answers and keeps talking: with three, five
 * of a budget of 8 went to pressing on steps the candidate had covered.
 */
export const WRAP_UP_QUESTIONS: readonly string[] = [
  'You have covered the ground I wanted. If you had half the time, which part of your plan would you cut, and what would you watch instead?',
  'Looking back over your whole answer, which decision are you least sure of, and what would change your mind?',
  'What is the first thing you would do on Monday morning to start on this?',
  'If a senior engineer on your team argued against this plan, what would their strongest objection be, and how would you answer it?',
  'How would you explain this plan to a non-technical stakeholder in two or three sentences?',
  'Which part of this would you hand to the newest person on the team, and what would you tell them before they start?',
  'What did you leave out on purpose, and when would you come back to it?',
]

/** The text of a template. */
export function templateText(template: Template): string {
  return typeof template === 'string' ? template : template.text
}

/** Fills `{step}`, `{quote}` and `{terms}`; a missing variable is a programming error. */
export function fillTemplate(
  template: string,
  vars: { step?: string; quote?: string; terms?: string },
): string {
  return template.replace(/\{(step|quote|terms)\}/g, (_, name: 'step' | 'quote' | 'terms') => {
    const value = vars[name]
    if (value === undefined) throw new Error(`follow-up template needs {${name}}: ${template}`)
    return value
  })
}
