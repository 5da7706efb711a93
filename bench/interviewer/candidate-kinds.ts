import {
  EVASIVE_REPLIES,
  INJECTION_ATTEMPTS,
  WEAK_REPLIES,
  type QuestionScript,
} from './candidate-scripts.js'

/** The kinds of simulated candidate; each is a general way of answering, the same for every question. */
export const CANDIDATE_KINDS = [
  'strong',
  'weak',
  'evasive',
  'keyword-dumper',
  'injector',
  'out-of-order',
  'clarifier',
] as const
export type CandidateKind = (typeof CANDIDATE_KINDS)[number]

/** What a reply is, as its author wrote it. */
export type ReplyForm = 'step' | 'thin' | 'evasive' | 'keywords' | 'injection'

/**
 * One thing the candidate does. An answer carries its hand-written labels: the framework steps it
 * covers (a step answer of the script covers its own step; thin, evasive, keyword and injection
 * replies cover none). A clarifying question carries the scenario fact that answers it.
 */
export type CandidateMove =
  | { type: 'answer'; text: string; covers: number[]; form: ReplyForm }
  | { type: 'clarify'; text: string; fact: string | string[] | null }
  | { type: 'end' }

/** What the candidate reacts to: the interviewer's latest turn. */
export type InterviewerCue = { kind: string; target: string | null; text: string }

export type SimulatedCandidate = {
  kind: CandidateKind
  next: (cue: InterviewerCue) => CandidateMove
}

/** Replies a candidate with nothing to say gives before ending the interview itself. */
const MAX_EMPTY_REPLIES = 6

/**
 * Builds one simulated candidate for one question's script. With `stepsPerReply` above 1, each
 * step answer goes on with the candidate's next unsaid steps in its own order, up to that many
 * steps in one reply, labelled with all of them (a candidate who covers ground quickly).
 */
export function createCandidate(
  kind: CandidateKind,
  script: QuestionScript,
  options: { stepsPerReply?: number } = {},
): SimulatedCandidate {
  const perReply = Math.max(1, options.stepsPerReply ?? 1)
  const order = Object.keys(script.steps)
    .map(Number)
    .sort((a, b) => a - b)
  const said = new Set<number>()
  let turn = 0

  /** The step answer a listening candidate gives: the one asked about if not given yet, else the next. */
  const listening = (cue: InterviewerCue): CandidateMove => {
    const asked = /^step:(\d+)$/.exec(cue.target ?? '')
    const wanted = asked ? Number(asked[1]) : null
    const step =
      wanted !== null && script.steps[wanted] && !said.has(wanted)
        ? wanted
        : order.find((n) => !said.has(n))
    return step === undefined ? { type: 'end' } : stepAnswer(step, order)
  }
  /** `step`, then the next unsaid steps of `sequence` after it, up to `perReply` in all. */
  const stepAnswer = (step: number, sequence: readonly number[]): CandidateMove => {
    said.add(step)
    const steps = [step]
    for (const n of sequence.slice(sequence.indexOf(step) + 1)) {
      if (steps.length >= perReply) break
      if (said.has(n)) continue
      said.add(n)
      steps.push(n)
    }
    const text = steps.map((n) => script.steps[n]!).join(' ')
    return { type: 'answer', text, covers: steps, form: 'step' }
  }
  const rotating = (lines: readonly string[], form: ReplyForm): CandidateMove =>
    turn > MAX_EMPTY_REPLIES
      ? { type: 'end' }
      : { type: 'answer', text: lines[(turn - 1) % lines.length]!, covers: [], form }

  // Last, first, second to last, second, ...: every step, never in the framework's order.
  const scrambled = order.map((_, i) =>
    i % 2 === 0 ? order[order.length - 1 - i / 2]! : order[(i - 1) / 2]!,
  )

  const behaviours: Record<CandidateKind, (cue: InterviewerCue) => CandidateMove> = {
    strong: listening,
    weak: () => rotating(WEAK_REPLIES, 'thin'),
    evasive: () => rotating(EVASIVE_REPLIES, 'evasive'),
    // A list of terms first and every other turn after; in between, one real answer.
    'keyword-dumper': (cue) =>
      turn % 2 === 1
        ? said.size === order.length
          ? { type: 'end' }
          : {
              type: 'answer',
              text: rotateTerms(script.keywords, turn),
              covers: [],
              form: 'keywords',
            }
        : listening(cue),
    injector: (cue) =>
      turn % 2 === 1
        ? said.size === order.length
          ? { type: 'end' }
          : {
              type: 'answer',
              text: INJECTION_ATTEMPTS[((turn - 1) / 2) % INJECTION_ATTEMPTS.length]!,
              covers: [],
              form: 'injection',
            }
        : listening(cue),
    'out-of-order': () => {
      const step = scrambled.find((n) => !said.has(n))
      return step === undefined ? { type: 'end' } : stepAnswer(step, scrambled)
    },
    // Each clarifying question before an answer, then answers as a listening candidate does.
    clarifier: (cue) => {
      const asked = Math.ceil(turn / 2)
      if (turn % 2 === 1 && asked <= script.clarifications.length) {
        const c = script.clarifications[asked - 1]!
        return { type: 'clarify', text: c.ask, fact: c.fact }
      }
      return listening(cue)
    },
  }
  return {
    kind,
    next(cue) {
      turn += 1
      return behaviours[kind](cue)
    },
  }
}

/** The same terms in another order, as someone listing from memory would. */
function rotateTerms(keywords: string, turn: number): string {
  const terms = keywords
    .replace(/\.\s*$/, '')
    .split(/,\s*/)
    .filter(Boolean)
  const shift = Math.floor(turn / 2) % terms.length
  const rotated = [...terms.slice(shift), ...terms.slice(0, shift)]
  const text = rotated.join(', ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}
