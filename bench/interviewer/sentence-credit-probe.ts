/**
 * How well each sentence of a reply is credited to the framework step it does, once the steps
 * before it were dealt with, and how often a sentence is credited to a step nobody said: the
 * sentence rule of the interviewer (topicIn with steps to skip: the best step not yet dealt with,
 * from the touched level 0.18 and at SKIPPED_TO_SHARE of the sentence's best score, the earliest
 * near it) against variants, on the step answers of bench:interviewer's scripts (its own and the
 * labelled answers of bench:coverage, choices 0-2; choice 3 held out). Prints only.
 *
 *   npx tsx bench/interviewer/sentence-credit-probe.ts
 *
 * Per step answer of step k (every one of them is a single sentence):
 * - found: steps 1..k-1 dealt with (the reply went on from them), some sentence is credited k;
 * - wrong: steps 1..k dealt with (it answered a question on k), some sentence is credited a
 *   later step;
 * - wrong, two answers: the same, the step-k answers of two choices in one reply (a candidate
 *   who says two sentences on one step).
 *
 * Then whole replies of several step answers, credited as the interviewer now does (the joint
 * assignment of reply-steps.ts, with the sentence rule for the first sentence and for one going
 * back) against the sentence rule alone and variants: see measureReplies.
 */
import { loadQuestionBank } from '../../server/questions/question-bank.js'
import type { Question } from '../../server/questions/question-schema.js'
import { splitSentences } from '../../server/text/index.js'
import {
  EARLIER_SHARE,
  SKIPPED_TO_SHARE,
  topicIn,
} from '../../server/interview/coverage-tracker.js'
import { createStemCoverageTracker } from '../../server/interview/stem-coverage-tracker.js'
import {
  REPLY_STEP_COSTS,
  replySteps,
  type ReplyStepCosts,
} from '../../server/interview/reply-steps.js'
import { CANDIDATE_SCRIPTS, type QuestionScript } from './candidate-scripts.js'
import { labelledScripts } from './labelled-scripts.js'

type Scored = { id: string; score: number }
/** A rule: the steps a sentence is credited with, given the steps already dealt with. */
type Rule = (question: Question, sentence: string, dealt: readonly string[]) => string[]

const bank = await loadQuestionBank('questions')
const tracker = createStemCoverageTracker(bank.questions)
const stepsOf = (question: Question, text: string): Scored[] =>
  tracker.snapshot(question, [text], null).map.steps.map((s) => ({ id: s.id, score: s.score }))
const TOUCHED = 0.18

/** topicIn's rule with its floor and share as parameters. */
function skipRule(floor: number, share: number): Rule {
  return (question, sentence, dealt) => {
    const steps = stepsOf(question, sentence)
    const rest = steps.filter((s) => !dealt.includes(s.id))
    const top = Math.max(0, ...rest.map((s) => s.score))
    const bar = Math.max(floor, share * Math.max(0, ...steps.map((s) => s.score)))
    if (rest.length === 0 || top < bar) return []
    return [rest.find((s) => s.score >= Math.max(bar, EARLIER_SHARE * top))!.id]
  }
}
/** The rule on the sentence, and on each clause of it split at a comma before a conjunction. */
function clauseRule(floor: number): Rule {
  const sentenceRule = skipRule(TOUCHED, SKIPPED_TO_SHARE)
  const clauseOnly = skipRule(floor, SKIPPED_TO_SHARE)
  return (question, sentence, dealt) => {
    const clauses = sentence
      .split(/,\s+(?=(?:and|but|so|while|because|since|which|then|otherwise|or)\b)/i)
      .filter((c) => (c.match(/[\p{L}\p{N}']+/gu)?.length ?? 0) >= 4)
    const parts = clauses.length >= 2 ? clauses : []
    return [
      ...sentenceRule(question, sentence, dealt),
      ...parts.flatMap((c) => clauseOnly(question, c, dealt)),
    ]
  }
}
/** Scores renormalised over the steps not dealt with (the chance given it does none of those). */
function renormalisedRule(at: number): Rule {
  return (question, sentence, dealt) => {
    const steps = stepsOf(question, sentence)
    const taken = steps.filter((s) => dealt.includes(s.id)).reduce((a, s) => a + s.score, 0)
    const rest = steps
      .filter((s) => !dealt.includes(s.id))
      .map((s) => ({ id: s.id, score: s.score / Math.max(1e-9, 1 - taken) }))
    const top = Math.max(0, ...rest.map((s) => s.score))
    return top >= at ? [rest.find((s) => s.score >= EARLIER_SHARE * top)!.id] : []
  }
}

const RULES: Array<[string, Rule]> = [
  [
    'shipped (0.18, half the best)',
    (q, s, dealt) =>
      [topicIn(stepsOf(q, s), TOUCHED, dealt)].filter((t): t is string => t !== null),
  ],
  ['from 0.18, at 0.7 of the best', skipRule(TOUCHED, 0.7)],
  [
    'shipped, only the next step not dealt with',
    (q, s, dealt) => {
      const steps = stepsOf(q, s)
      const next = steps.find((x) => !dealt.includes(x.id))?.id
      return [topicIn(steps, TOUCHED, dealt)].filter((t): t is string => t !== null && t === next)
    },
  ],
  ['from 0.29, at half the best', skipRule(0.29, 0.5)],
  ...[0.18, 0.15, 0.12].flatMap((floor) =>
    [0.35, 0.25, 0.15].map((share): [string, Rule] => [
      `from ${floor}, at ${share} of the best`,
      skipRule(floor, share),
    ]),
  ),
  ['clauses at ", and/but/so..." too, from 0.18', clauseRule(TOUCHED)],
  ['clauses at ", and/but/so..." too, from 0.29', clauseRule(0.29)],
  ['renormalised over steps not dealt with, from 0.29', renormalisedRule(0.29)],
]

type Counts = {
  found: number
  of: number
  wrong: number
  ofWrong: number
  wrong2: number
  ofWrong2: number
}
/** Each set of scripts with the one whose step answers join its own in the two-answer replies. */
type Paired = ReadonlyArray<readonly [readonly QuestionScript[], readonly QuestionScript[]]>
function measure(rule: Rule, sets: Paired): Counts {
  const c: Counts = { found: 0, of: 0, wrong: 0, ofWrong: 0, wrong2: 0, ofWrong2: 0 }
  sets.forEach(([scripts, next]) => {
    for (const question of bank.questions) {
      const script = scripts.find((s) => s.questionId === question.id)!
      const other = next.find((s) => s.questionId === question.id)!
      const numbers = question.framework.steps.map((s) => s.number)
      for (const k of numbers) {
        const ids = (to: number) => numbers.filter((n) => n <= to).map((n) => `step:${n}`)
        const credits = (text: string, dealt: string[]) =>
          splitSentences(text).flatMap((s) => rule(question, s.text, dealt))
        if (k > numbers[0]!) {
          c.of++
          if (credits(script.steps[k]!, ids(k - 1)).includes(`step:${k}`)) c.found++
        }
        if (k < numbers.at(-1)!) {
          const later = (t: string) => !ids(k).includes(t)
          c.ofWrong++
          if (credits(script.steps[k]!, ids(k)).some(later)) c.wrong++
          c.ofWrong2++
          if (credits(`${script.steps[k]} ${other.steps[k]}`, ids(k)).some(later)) c.wrong2++
        }
      }
    }
  })
  return c
}

const pick = (p: number) => labelledScripts(bank.questions, p).scripts
const chosen: Paired = [
  [CANDIDATE_SCRIPTS, pick(0)],
  [pick(0), pick(1)],
  [pick(1), pick(2)],
  [pick(2), CANDIDATE_SCRIPTS],
]
const heldOut: Paired = [[pick(3), pick(4)]]
console.log(
  '| Rule | Found (own, labelled:0-2) | Wrong | Wrong, two answers | Held out (labelled:3): found | Wrong | Wrong, two answers |',
)
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const [name, rule] of RULES) {
  const a = measure(rule, chosen)
  // Held out: labelled:3 (its two-answer replies join labelled:4's answers, wrapping around).
  const h = measure(rule, heldOut)
  console.log(
    `| ${name} | ${a.found} / ${a.of} | ${a.wrong} / ${a.ofWrong} | ${a.wrong2} / ${a.ofWrong2} | ` +
      `${h.found} / ${h.of} | ${h.wrong} / ${h.ofWrong} | ${h.wrong2} / ${h.ofWrong2} |`,
  )
}

/**
 * Replies of several sentences, each sentence a step answer, credited as the interviewer does
 * (interview-coverage.ts): the sentence rule on each sentence alone (shipped until 2026-12-03),
 * against the joint assignment of reply-steps.ts. Per script set, question and step k (steps
 * before k dealt with, the reply to a question on k, so k is dealt with too):
 * - two steps: the answers of k and k+1; found: k+1 credited; wrong: a step not said credited;
 * - three steps: k, k+1, k+2; found counts k+1 and k+2;
 * - two answers of k: wrong when anything is credited;
 * - back: k then k-1 (k-1 not dealt with); found: k-1 credited;
 * - jump: k+2 then k (a candidate who does not answer the question first); found: k+2 credited.
 */
type ReplyRule = (
  question: Question,
  sentences: string[],
  dealt: readonly string[],
  target: string,
) => string[]

const perSentence: ReplyRule = (question, sentences, dealt) =>
  sentences.flatMap((s) => {
    const topic = topicIn(stepsOf(question, s), TOUCHED, dealt)
    return topic ? [topic] : []
  })

/** The joint assignment; `keep` says which sentences keep the sentence rule's step too. */
function jointRule(
  keep: (index: number, topicIndex: number, start: number) => boolean,
  costs: ReplyStepCosts = REPLY_STEP_COSTS,
): ReplyRule {
  return (question, sentences, dealt, target) => {
    const ids = question.framework.steps.map((s) => `step:${s.number}`)
    const scores = sentences.map((s) => stepsOf(question, s).map((x) => x.score))
    const start = ids.indexOf(target) - 1
    const dealtAt = new Set(dealt.map((d) => ids.indexOf(d)))
    const kept = sentences.flatMap((s, i) => {
      const topic = topicIn(stepsOf(question, s), TOUCHED, dealt)
      return topic && keep(i, ids.indexOf(topic), start) ? [topic] : []
    })
    return [...kept, ...replySteps(scores, dealtAt, start, costs).map((i) => ids[i]!)]
  }
}

const REPLY_RULES: Array<[string, ReplyRule]> = [
  ['sentence rule, each sentence alone (shipped before)', perSentence],
  ['joint only', jointRule(() => false)],
  ['joint; back before the step asked: sentence rule', jointRule((_, t, start) => t <= start)],
  [
    'joint; back before the step asked, and the first sentence: sentence rule (kept)',
    jointRule((i, t, start) => i === 0 || t <= start),
  ],
  [
    'as kept, credited from 0.18',
    jointRule((i, t, start) => i === 0 || t <= start, { ...REPLY_STEP_COSTS, floor: TOUCHED }),
  ],
  [
    'as kept, no bonus for the next step',
    jointRule((i, t, start) => i === 0 || t <= start, { ...REPLY_STEP_COSTS, next: 0 }),
  ],
  [
    'as kept, no cost for staying',
    jointRule((i, t, start) => i === 0 || t <= start, { ...REPLY_STEP_COSTS, stay: 0 }),
  ],
]

type ReplyCounts = Record<
  'two' | 'three' | 'same' | 'back' | 'jump',
  { found: number; of: number; wrong: number; ofWrong: number }
>
function measureReplies(rule: ReplyRule, sets: Paired): ReplyCounts {
  const zero = () => ({ found: 0, of: 0, wrong: 0, ofWrong: 0 })
  const c: ReplyCounts = { two: zero(), three: zero(), same: zero(), back: zero(), jump: zero() }
  const sentencesOf = (text: string) => splitSentences(text).map((s) => s.text)
  sets.forEach(([scripts, next]) => {
    for (const question of bank.questions) {
      const script = scripts.find((s) => s.questionId === question.id)!
      const other = next.find((s) => s.questionId === question.id)!
      const numbers = question.framework.steps.map((s) => s.number)
      const id = (n: number) => `step:${n}`
      const upTo = (to: number) => numbers.filter((n) => n <= to).map(id)
      /** `said` in that order, to a question on `asked`; the first said is not counted as found. */
      const run = (key: keyof ReplyCounts, said: number[], dealt: string[], asked: number) => {
        const text = said.map((n) => script.steps[n]!).join(' ')
        const credited = rule(question, sentencesOf(text), dealt, id(asked))
        const sought = said.filter((n) => n !== asked)
        c[key].of += sought.length
        c[key].found += sought.filter((n) => credited.includes(id(n))).length
        c[key].ofWrong++
        if (credited.some((t) => !said.map(id).includes(t))) c[key].wrong++
      }
      numbers.forEach((k, i) => {
        const after = numbers.slice(i + 1)
        if (after.length >= 1) run('two', [k, after[0]!], upTo(k), k)
        if (after.length >= 2) run('three', [k, after[0]!, after[1]!], upTo(k), k)
        if (after.length >= 1) {
          const credited = rule(
            question,
            sentencesOf(`${script.steps[k]} ${other.steps[k]}`),
            upTo(k),
            id(k),
          )
          c.same.ofWrong++
          if (credited.length > 0) c.same.wrong++
        }
        if (i >= 1) {
          const previous = numbers[i - 1]!
          run(
            'back',
            [k, previous],
            [...upTo(previous).filter((t) => t !== id(previous)), id(k)],
            k,
          )
        }
        if (after.length >= 2) run('jump', [after[1]!, k], upTo(k), k)
      })
    }
  })
  return c
}

console.log(
  '\nReplies of several sentences (found / wrong; own + labelled:0-2, then labelled:3 held out):\n',
)
console.log(
  '| Rule | Two steps: found | wrong | Three steps: found | wrong | Two answers of one step: wrong | Back a step: found | wrong | Asked step second: found | wrong |',
)
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const [name, rule] of REPLY_RULES) {
  for (const [label, sets] of [
    ['', chosen],
    [' (held out)', heldOut],
  ] as const) {
    const r = measureReplies(rule, sets)
    const f = (x: { found: number; of: number }) => `${x.found} / ${x.of}`
    const w = (x: { wrong: number; ofWrong: number }) => `${x.wrong} / ${x.ofWrong}`
    console.log(
      `| ${name}${label} | ${f(r.two)} | ${w(r.two)} | ${f(r.three)} | ${w(r.three)} | ${w(r.same)} | ${f(r.back)} | ${w(r.back)} | ${f(r.jump)} | ${w(r.jump)} |`,
    )
  }
}
