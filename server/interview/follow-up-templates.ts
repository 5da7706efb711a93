import type { StepKind } from './step-kinds.js'

/**
 * Follow-up templates per step kind, phrased as a demanding interviewer would ask them.
 * `{step}` is the framework step's name, `{quote}` a short span of the candidate's own words.
 * `open` probes a step the answers have not touched; `deeper` presses on one they only grazed,
 * quoting them. None of them carries content from the model answer.
 */
export type KindTemplates = { open: string[]; deeper: string[]; hints: string[] }

export const FOLLOW_UP_TEMPLATES: Record<StepKind, KindTemplates> = {
  assumptions: {
    open: [
      "Before we go further: what are you assuming? Scale, team, budget, timeline. Give me the numbers you're designing for.",
      'Which assumption is this design most sensitive to, and what happens to it if that assumption is off by 10x?',
      "You haven't told me what you're taking as given. Which constraints did you assume, and which of them would you check first?",
    ],
    deeper: [
      'You said "{quote}". What are you assuming there, exactly, and how confident are you in it?',
      'You said "{quote}". Where does that come from? If it turned out to be wrong, what breaks first?',
      'Take "{quote}". Is that a fact you were given or an assumption you made? How would you find out in the first week?',
    ],
    hints: [
      'Hint: list what you are taking as given, with numbers, before defending a choice.',
      'Hint: name the one assumption that, if wrong, changes the whole design.',
    ],
  },
  validation: {
    open: [
      'How would you know this is the right call before you build it? What would you test, and what result would make you drop it?',
      "Let's talk about {step}. What's the cheapest experiment that could prove you wrong before you commit?",
      'Suppose you have two weeks before the decision is locked in. How do you spend them to validate it?',
    ],
    deeper: [
      'You said "{quote}". What exactly would that test measure, and what number would make you change course?',
      'You said "{quote}". How do you make sure that experiment resembles production and not a happy path?',
    ],
    hints: [
      'Hint: think of an experiment with a result that would make you abandon the plan.',
      'Hint: what can you simulate or prototype cheaply, and what would you measure while doing it?',
    ],
  },
  'root-cause': {
    open: [
      'Walk me through how you would find the cause. What are your top hypotheses, in order, and why that order?',
      "Let's do {step}. What would you check first, what exact command or query would you run, and what would the output tell you?",
      'How do you narrow this down to one layer? What evidence would rule out each of your suspects?',
    ],
    deeper: [
      'You said "{quote}". What evidence would confirm that, and what would rule it out?',
      'You said "{quote}". If that check comes back clean, what is your next suspect, and how do you test it?',
      'You said "{quote}". How do you tell that apart from a problem that merely looks the same?',
    ],
    hints: [
      'Hint: rank your suspects by likelihood and cost to check, then say how each one is ruled out.',
      'Hint: name the concrete tool or command and what its output would show.',
    ],
  },
  metrics: {
    open: [
      'How would you know, in production, that this is going wrong before it becomes an incident? What exactly would you measure?',
      "Let's talk about {step}. Name the signals you'd watch and the threshold on each that would make you act.",
      'Which leading indicators would you put on a dashboard from day one, and which of them would page someone?',
    ],
    deeper: [
      'You said "{quote}". What is the threshold on that, and who acts when it is crossed?',
      'You said "{quote}". Is that a leading or a lagging signal? What would you watch that moves earlier?',
    ],
    hints: [
      'Hint: a metric without a threshold and an owner is not an early warning.',
      'Hint: think of signals that move weeks before users notice anything.',
    ],
  },
  costs: {
    open: [
      "Let's put numbers on it. What does this cost, beyond the infrastructure bill?",
      'What are you not accounting for? Think about people, operations and hiring, not just servers.',
      "Let's do {step}. Roughly what is the cost of each option, and what is the cost of being wrong?",
    ],
    deeper: [
      'You said "{quote}". How did you get to that figure, and what is missing from it?',
      'You said "{quote}". What does that cost in engineer time and on-call load, not just in dollars?',
    ],
    hints: [
      'Hint: count team time, operational load and hiring, not only infrastructure.',
      'Hint: give an order of magnitude for each cost and say how you would check it.',
    ],
  },
  'trade-offs': {
    open: [
      "What did you give up with that choice? Make the case for the option you didn't pick.",
      "Let's talk about {step}. Compare the options on the dimensions that matter here and tell me which one loses and why.",
      'What would make you change your mind about this approach?',
    ],
    deeper: [
      'You said "{quote}". What is the strongest argument against that, and why doesn\'t it win?',
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
      'Suppose this turns out to be the wrong call a year in. What would tell you, and what is your way back?',
      "Let's talk about {step}. What exactly triggers a change of course, and what do you do when it fires?",
      'What is the worst failure here, and what is your plan when it happens at 3 a.m.?',
    ],
    deeper: [
      'You said "{quote}". What is the concrete trigger for that, and how long does the way back take?',
      'You said "{quote}". What happens to users and data while you are doing it?',
    ],
    hints: [
      'Hint: define the threshold that triggers a change of plan before you need it.',
      'Hint: think about how reversible each step is and what the way back costs.',
    ],
  },
  rollout: {
    open: [
      'How do you get this into production safely? Walk me through the rollout, step by step.',
      "Let's talk about {step}. What has to be true before you move to the next stage, and how do you roll back?",
      'Who sees this first, how fast do you widen it, and what makes you stop?',
    ],
    deeper: [
      'You said "{quote}". What are the gates between stages, and what triggers a rollback?',
      'You said "{quote}". What happens to requests in flight and data written during that step?',
    ],
    hints: [
      'Hint: think in stages, each with an entry condition and a rollback.',
      'Hint: what stays backward compatible while two versions run side by side?',
    ],
  },
  verification: {
    open: [
      'How do you know the fix worked and broke nothing else?',
      "Let's talk about {step}. What exactly do you check, and for how long, before you call it done?",
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
      'Get concrete: how does this work in the code and the data? Walk me through one request.',
      "Let's talk about {step}. What exactly changes, and what guarantees do you rely on?",
      'What happens on a retry, a timeout, or two requests at the same time?',
    ],
    deeper: [
      'You said "{quote}". What happens when that step fails halfway?',
      'You said "{quote}". What guarantees does that give you, and which ones does it not?',
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
      "Let's talk about {step}. How do you get the people and teams involved to actually change course?",
    ],
    deeper: [
      'You said "{quote}". How do you get buy-in from the people who disagree?',
      'You said "{quote}". What do you tell customers, and when?',
    ],
    hints: [
      'Hint: think about who is affected and what each of them needs to hear.',
      'Hint: what would make the other teams act, not just agree?',
    ],
  },
  reflection: {
    open: [
      'What did this cost, in concrete terms, and what would you do differently?',
      "Let's talk about {step}. What is the real lesson here, and how would anyone see you applied it?",
    ],
    deeper: [
      'You said "{quote}". What is the evidence for that, and what changed in how you work because of it?',
      'You said "{quote}". Is that the root cause or a symptom?',
    ],
    hints: [
      'Hint: quantify the impact, then separate the cause from the symptoms.',
      'Hint: a lesson counts when it changed a decision you made later.',
    ],
  },
  general: {
    open: [
      "Let's talk about {step}. What is your approach, concretely?",
      "You haven't covered {step} yet. How would you handle it?",
    ],
    deeper: [
      'You said "{quote}". Go one level deeper: how exactly?',
      'You said "{quote}". What would make you change your mind on that?',
    ],
    hints: ['Hint: be concrete: numbers, names, and what you would do first.'],
  },
}

/** Fills `{step}` and `{quote}`; a template whose variable is missing is a programming error. */
export function fillTemplate(template: string, vars: { step?: string; quote?: string }): string {
  return template.replace(/\{(step|quote)\}/g, (_, name: 'step' | 'quote') => {
    const value = vars[name]
    if (value === undefined) throw new Error(`follow-up template needs {${name}}: ${template}`)
    return value
  })
}
