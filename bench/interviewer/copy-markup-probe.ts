/**
 * The leak guard on copies the bench's scripted model never makes: for every question, copies of
 * its model answer (from a line or sentence start to a line or sentence end, 80-900 characters,
 * code blocks included), each after a lead-in and before a question, streamed a token a delta
 * through the early guard. Prints, of the turns with a leak caught, those whose final text:
 *
 * - holds markup fragments (bench/interviewer/markup-fragments.ts);
 * - lost the question (dropped with the copy);
 * - holds stray words: any word but the lead-in's whole sentences, the neutral probe, the
 *   interviewer's own code block and the question (a dangling "variance" left of the copy);
 * - lost the interviewer's own code block after the copy, or any fence of it (second set);
 * - asks twice: the neutral probe and the question both (one ask a turn: the probe is for a turn
 *   left with nothing to answer);
 * - and any text a client saw with 12 copied words (must be 0).
 *
 * Two sets. The first (seed 12345): 60 copies a question after one of six lead-ins (none, a
 * sentence, "Here is the relevant part:", "Consider this:", a sentence the copy finishes, an
 * opened fence), the question "What would you check first?" after a space or a blank line. The
 * second (seed 777, written after the fix of the first, so not fitted to it): 40 copies a question,
 * the same lead-ins, six questions after a space, a line break, a blank line or a dash, a few with
 * a fragment of the model's own finishing the copied line (" and so on"), and a third with a code
 * block of the interviewer's own (```ts, bare ```, ~~~python) between the copy and the question
 * (bare only where no block is open, in the model's text or in the model answer where the copy
 * stopped: there a bare fence closes the block). A fourth set (seed 99) runs questions on in lower
 * case after a comma, a dash or a space ("..., so what would you check first?") where the copy
 * ends with a word. A fifth (seed 31) does the same with asks that have no "?": instructions
 * ("tell me what you'd measure first") and questions written without one, ended by a full stop,
 * a line break or nothing. A sixth (seed 4711) with other asks, written after the rule and run
 * once: how it does on asks it was not written from.
 *
 *   npx tsx bench/interviewer/copy-markup-probe.ts
 *   SHOW=20 npx tsx bench/interviewer/copy-markup-probe.ts   (20 texts without the question a
 *   set, and each flagged text with the end of the reply streamed)
 */
import { createEarlyLeakGuard } from '../../server/interview/early-leak-guard.js'
import { applyTurnChunk } from '../../server/interview/interviewer-engine.js'
import {
  LEAK_SPAN_WORDS,
  NEUTRAL_PROBE,
  normaliseWords,
} from '../../server/interview/leak-guard.js'
import { loadQuestionBank } from '../../server/questions/question-bank.js'
import { markupFragments } from './markup-fragments.js'

/** Each lead-in, and what of it is the interviewer's own whole sentence (kept by the guard). */
const LEADS: ReadonlyArray<readonly [string, string]> = [
  ['', ''],
  ['Thanks. ', 'Thanks.'],
  ['Good. Here is the relevant part:\n', 'Good.'],
  ['Consider this:\n\n', ''],
  ['As the reference puts it, ', ''],
  ['Right.\n```\n', 'Right.'],
]
const QUESTIONS = [
  'What would you check first?',
  'How would you roll this out safely?',
  'Which of these matters most here?',
  'Why does that hold under load?',
  'I would like to hear how you would test it.',
  'Walk me through the first hour.',
]
const JOINS = [' ', '\n', '\n\n', ' — ']
const OWN_BLOCKS = [
  '```ts\nconst ttl = 60\n```\n',
  '```\nretry(3)\n```\n',
  '~~~python\nretry(3)\n~~~\n',
]
const TAILS = [' and so on', ', roughly']
const LOWER_LINKS = ['so ', 'and ', '']
/** Asks with no "?", for the fifth set (lower case: the guard may capitalise them). */
const ASKS_WITHOUT_MARK = [
  'walk me through the first hour',
  'i would like to hear how you would test it',
  "tell me what you'd measure first",
  "talk me through how you'd roll it back",
  'describe the first change you would ship',
  'explain how you would verify the fix',
  'give me your first three checks',
  'what would you check first',
  'how would you roll this out safely',
]
/**
 * Asks with no "?" written after the guard's rule was fixed and run once (the sixth set): how
 * the rule does on asks it was not written from.
 */
const ASKS_HELD_OUT = [
  'rank those suspects for me',
  'convince me the fix is safe',
  "share how you'd stage the rollout",
  "what's your first move",
  'where do you start',
  'pick one and go deeper',
  'outline the rollback steps',
  "say which metric you'd alert on",
  'help me understand the blast radius',
  'could you estimate the cost',
]
const ASK_ENDS = ['.', '', '\n']

type Tally = {
  caught: number
  inCode: number
  markup: string[]
  lost: string[]
  stray: string[]
  ownBlockLost: number
  ownBlocks: number
  twoAsks: number
  copiesShown: number
}

function makeRandom(seed: number) {
  let state = seed
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  return { random, pick }
}

/** Runs of LEAK_SPAN_WORDS words of `text` that are in the model answer. */
function spanFinder(modelAnswer: string): (text: string) => boolean {
  const source = normaliseWords(modelAnswer)
  const grams = new Set<string>()
  for (let i = 0; i + LEAK_SPAN_WORDS <= source.length; i++)
    grams.add(source.slice(i, i + LEAK_SPAN_WORDS).join(' '))
  return (text) => {
    const words = normaliseWords(text)
    for (let i = 0; i + LEAK_SPAN_WORDS <= words.length; i++)
      if (grams.has(words.slice(i, i + LEAK_SPAN_WORDS).join(' '))) return true
    return false
  }
}

const bank = await loadQuestionBank('questions')

function runSet(
  seed: number,
  perQuestion: number,
  varied: boolean,
  lower: 'no' | 'question' | 'no mark' | 'held out' = 'no',
): Tally {
  const { random, pick } = makeRandom(seed)
  const tally: Tally = {
    caught: 0,
    inCode: 0,
    markup: [],
    lost: [],
    stray: [],
    ownBlockLost: 0,
    ownBlocks: 0,
    twoAsks: 0,
    copiesShown: 0,
  }
  for (const question of bank.questions) {
    const answer = question.modelAnswer
    const copied = spanFinder(answer)
    const bounds = [0, ...[...answer.matchAll(/\n|[.!?]\s/g)].map((m) => m.index + m[0].length)]
    for (let i = 0; i < perQuestion; i++) {
      const start = pick(bounds)
      const ends = bounds.filter((b) => b > start + 80 && b < start + 900)
      if (ends.length === 0) continue
      const end = pick(ends)
      const copy = answer.slice(start, end).trimEnd()
      const [lead, leadKept] = pick(LEADS)
      let asked = 'What would you check first?'
      let join = random() < 0.5 ? ' ' : '\n\n'
      let own = ''
      let tail = ''
      if (varied) {
        asked = pick(QUESTIONS)
        join = pick(JOINS)
        // A fragment finishing a copied line of prose (after a word: never after a full stop or
        // a closing brace, where no model writes one).
        if (random() < 0.2 && /[\p{L}\p{N})]$/u.test(copy)) tail = pick(TAILS)
        if (random() < 0.33) {
          // A bare fence where a block is open (in the model's text, or in the model answer where
          // the copy stopped: a copy begun inside a block) closes it: only an info string opens
          // a block of its own there.
          const open = [`${lead}${copy}`, answer.slice(0, end)].some(
            (t) => t.split('\n').filter((l) => /^\s*(```|~~~)/.test(l)).length % 2 === 1,
          )
          own = pick(open ? OWN_BLOCKS.filter((b) => !/^(```|~~~)\n/.test(b)) : OWN_BLOCKS)
          join = '\n'
        }
      }
      // (A line of prose: after a fence or a brace no model runs a question on.)
      if (lower !== 'no' && /[\p{L}\p{N})]$/u.test(copy)) {
        // Run on in lower case: ", so what would you ...?" (the guard may capitalise it).
        asked =
          lower === 'question'
            ? `${pick(LOWER_LINKS)}${pick(QUESTIONS.filter((q) => q.endsWith('?'))).replace(/^\w/, (c) => c.toLowerCase())}`
            : `${pick(LOWER_LINKS)}${pick(lower === 'no mark' ? ASKS_WITHOUT_MARK : ASKS_HELD_OUT)}${pick(ASK_ENDS)}`
        join = pick([', ', ' — ', ' '])
        own = ''
      }
      const text = `${lead}${copy}${tail}${join}${own}${asked}`
      const guard = createEarlyLeakGuard(answer)
      let shown = ''
      let leaked = false
      const apply = (chunk: ReturnType<typeof guard.push>) => {
        if (chunk === null) return
        shown = applyTurnChunk(shown, chunk)
        leaked ||= copied(shown)
      }
      for (const token of text.match(/\S+\s*|\s+/g) ?? []) apply(guard.push(token))
      apply(guard.flush())
      if (guard.leaks === 0) continue
      tally.caught++
      if (copy.includes('```')) tally.inCode++
      if (leaked) tally.copiesShown++
      const where = `q${question.number}: ${JSON.stringify(shown.slice(-160))}`
      const found = markupFragments(shown)
      if (found.length > 0) tally.markup.push(`${found.join('; ')}: ${where}`)
      // Found whatever the case of its first letter.
      const at = shown.toLowerCase().lastIndexOf(asked.toLowerCase())
      if (at < 0)
        tally.lost.push(
          `${where} (asked ${JSON.stringify(asked)}${process.env.SHOW ? ` in ${JSON.stringify(text.slice(-130))}` : ''})`,
        )
      const probed = shown.includes(NEUTRAL_PROBE)
      if (probed && at >= 0) tally.twoAsks++
      if (own !== '') {
        tally.ownBlocks++
        if (!shown.includes(own)) tally.ownBlockLost++
      }
      // Every word shown is the lead-in's own sentence, the probe (when shown), the own block or
      // the question.
      const expected = normaliseWords([leadKept, probed ? NEUTRAL_PROBE : '', own].join(' ')).join(
        ' ',
      )
      const rest = normaliseWords(
        at < 0 ? shown : shown.slice(0, at) + shown.slice(at + asked.length),
      ).join(' ')
      if (rest !== expected)
        tally.stray.push(
          `${where}${process.env.SHOW ? ` in ${JSON.stringify(text.slice(-130))}` : ''}`,
        )
    }
  }
  return tally
}

for (const [name, tally] of [
  ['first set (seed 12345)', runSet(12345, 60, false)],
  ['second set (seed 777)', runSet(777, 40, true)],
  ['third set (seed 2026)', runSet(2026, 40, true)],
  ['lower-case questions (seed 99)', runSet(99, 40, true, 'question')],
  ['lower-case asks with no "?" (seed 31)', runSet(31, 40, true, 'no mark')],
  ['held-out lower-case asks with no "?" (seed 4711)', runSet(4711, 40, true, 'held out')],
] as const) {
  console.log(
    `${name}: copies caught ${tally.caught} (${tally.inCode} with a code fence in them); final text with markup fragments: ${tally.markup.length}; without the question: ${tally.lost.length}; with stray words: ${tally.stray.length}; own code block lost or broken: ${tally.ownBlockLost} of ${tally.ownBlocks}; probe and question both: ${tally.twoAsks}; texts shown with a copy: ${tally.copiesShown}`,
  )
  for (const line of tally.markup.slice(0, 3)) console.log(`- markup: ${line.slice(0, 220)}`)
  for (const line of tally.stray.slice(0, 3)) console.log(`- stray: ${line.slice(0, 220)}`)
  for (const line of tally.lost.slice(0, Number(process.env.SHOW ?? 3)))
    console.log(`- lost: ${line.slice(0, 260)}`)
}
