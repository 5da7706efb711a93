/**
 * The leak guard's markup debris on copies the bench's scripted model never makes: for every
 * question, 60 copies of its model answer (from a line or sentence start to a line or sentence
 * end, 80-900 characters, code blocks included), each after one of six lead-ins (none, a
 * sentence, "Here is the relevant part:", "Consider this:", a sentence the copy finishes, an
 * opened fence) and before a question, streamed a token a delta through the early guard. Prints
 * the turns with a leak caught whose final text holds markup fragments
 * (bench/interviewer/markup-fragments.ts), and the first few.
 *
 *   npx tsx bench/interviewer/copy-markup-probe.ts
 */
import { createEarlyLeakGuard } from '../../server/interview/early-leak-guard.js'
import { applyTurnChunk } from '../../server/interview/interviewer-engine.js'
import { loadQuestionBank } from '../../server/questions/question-bank.js'
import { markupFragments } from './markup-fragments.js'

const LEADS = [
  '',
  'Thanks. ',
  'Good. Here is the relevant part:\n',
  'Consider this:\n\n',
  'As the reference puts it, ',
  'Right.\n```\n',
]
const COPIES_PER_QUESTION = 60

let seed = 12345
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!

const bank = await loadQuestionBank('questions')
let caught = 0
let inCode = 0
const flagged: string[] = []
/** Turns whose final text lost the question after the copy (dropped with the copy's markup). */
let questionLost = 0
for (const question of bank.questions) {
  const answer = question.modelAnswer
  const bounds = [0, ...[...answer.matchAll(/\n|[.!?]\s/g)].map((m) => m.index + m[0].length)]
  for (let i = 0; i < COPIES_PER_QUESTION; i++) {
    const start = pick(bounds)
    const ends = bounds.filter((b) => b > start + 80 && b < start + 900)
    if (ends.length === 0) continue
    const copy = answer.slice(start, pick(ends)).trimEnd()
    const text = `${pick(LEADS)}${copy}${random() < 0.5 ? ' ' : '\n\n'}What would you check first?`
    const guard = createEarlyLeakGuard(answer)
    let shown = ''
    for (const token of text.match(/\S+\s*|\s+/g) ?? []) {
      const chunk = guard.push(token)
      if (chunk !== null) shown = applyTurnChunk(shown, chunk)
    }
    const last = guard.flush()
    if (last !== null) shown = applyTurnChunk(shown, last)
    if (guard.leaks === 0) continue
    caught++
    if (copy.includes('```')) inCode++
    if (!shown.includes('What would you check first?')) questionLost++
    const found = markupFragments(shown)
    if (found.length > 0)
      flagged.push(`q${question.number}: ${found.join('; ')}: ${JSON.stringify(shown)}`)
  }
}
console.log(
  `copies caught ${caught} (${inCode} with a code fence in them); final text with markup fragments: ${flagged.length}; without the question: ${questionLost}`,
)
for (const line of flagged.slice(0, 5)) console.log(`- ${line.slice(0, 220)}`)
