/**
 * How much ordinary interviewer text the leak guard would hold, by hold threshold: replays the
 * interviewer's own texts (the offline engine's templates, the scripted model's questions of
 * bench:interviewer, the stream benchmark's fake reply; each with every question's step and
 * criterion names) against every question's secret prompt text (model answer, rubric and prompt
 * instructions, what the LLM interviewer's guard compares with) and counts, for each threshold H,
 * the words read while the run of words that could begin a 12-word copy was H or more words long:
 * the words a guard holding from a run's H-th word holds. H = 1 holds every run (the guard's
 * design before the early guard).
 *
 * Run: `npx tsx bench/stream/hold-share.ts`. Prints a table; writes nothing.
 */
import { DRILL_PHRASINGS, PHRASINGS, WRAP_UP } from '../interviewer/scripted-llm.js'
import {
  FOLLOW_UP_TEMPLATES,
  GENERIC_TEMPLATES,
  WRAP_UP_QUESTIONS,
  templateText,
} from '../../server/interview/follow-up-templates.js'
import { INTERVIEWER_LINES } from '../../server/interview/interviewer-lines.js'
import { LEAK_SPAN_WORDS, normaliseWords } from '../../server/interview/leak-guard.js'
import { privatePromptText } from '../../server/interview/llm-interviewer-prompts.js'
import { buildSpanAutomaton } from '../../server/interview/span-automaton.js'
import { loadPromptLibrary } from '../../server/prompts/prompt-library.js'
import { loadQuestionBank } from '../../server/questions/question-bank.js'
import { buildReplyTokens } from './reply-script.js'

const THRESHOLDS = [1, 2, 3, 4, 5, 6, 8]
/** A candidate's words, as `{quote}` gets them. */
const QUOTE = 'we would put a cache in front of the database'

/** The interviewer texts for one question: every template and phrasing, filled. */
function interviewerTexts(labels: readonly string[]): string[] {
  const fill = (t: string, label: string) =>
    t.replace(/\{(step|label|focus)\}/g, label.toLowerCase()).replace(/\{quote\}/g, QUOTE)
  const perLabel = [
    ...Object.values(FOLLOW_UP_TEMPLATES).flatMap((k) => [
      ...k.open.map(templateText),
      ...k.deeper.map(templateText),
      ...k.hints,
    ]),
    ...GENERIC_TEMPLATES,
    ...PHRASINGS,
    ...DRILL_PHRASINGS,
  ]
  const fixed = [
    ...WRAP_UP_QUESTIONS,
    ...WRAP_UP,
    ...Object.values(INTERVIEWER_LINES).flatMap((v) =>
      Array.isArray(v) ? v : Object.values(v).flat(),
    ),
    buildReplyTokens(150).join(''),
  ]
  return [
    ...labels.flatMap((l) => perLabel.map((t) => fill(t, l))),
    ...fixed.map((t) => fill(t, 'x')),
  ]
}

async function main() {
  const bank = await loadQuestionBank('questions')
  const prompts = await loadPromptLibrary()
  const held = new Map<number, number>(THRESHOLDS.map((h) => [h, 0]))
  const textsHeld = new Map<number, number>(THRESHOLDS.map((h) => [h, 0]))
  let words = 0
  let texts = 0
  let longest = 0
  for (const question of bank.questions) {
    const secret = privatePromptText(prompts, question, 'mock')
    const automaton = buildSpanAutomaton(normaliseWords(secret), LEAK_SPAN_WORDS)
    const labels = [
      ...question.framework.steps.map((s) => s.name),
      ...question.rubric.map((c) => c.name),
    ]
    for (const text of interviewerTexts(labels)) {
      texts++
      let state = automaton.root
      const depths = normaliseWords(text).map((w) => {
        state = automaton.step(state, w)
        return automaton.depth(state)
      })
      words += depths.length
      longest = Math.max(longest, ...depths)
      for (const h of THRESHOLDS) {
        const n = depths.filter((d) => d >= h).length
        held.set(h, held.get(h)! + n)
        if (n > 0) textsHeld.set(h, textsHeld.get(h)! + 1)
      }
    }
  }
  console.log(
    `${texts} interviewer texts, ${words} words, against ${bank.questions.length} questions' secret text; longest run ${longest} words`,
  )
  console.log('| H | words held | texts with a held word |\n|---|---|---|')
  for (const h of THRESHOLDS) {
    const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`
    console.log(`| ${h} | ${pct(held.get(h)!, words)} | ${pct(textsHeld.get(h)!, texts)} |`)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
