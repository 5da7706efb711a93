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
