/**
 * CPU per 1,000 tokens of the LLM interviewer's per-delta filters alone, in one process with no
 * network: the markup filter, the notes splitter, the leak guard (early-leak-guard.ts, over the
 * question's secret prompt text) and the streamed repeat filter, each fed the stream
 * benchmark's reply (bench/stream/reply-script.ts, 150 one-word tokens) a turn at a time, fresh
 * filters per turn as a turn makes them. bench/stream/token-path-cpu.ts measures them with the
 * model's stream read around them; this says how much of that is the filters' own.
 *
 * Run: `npx tsx bench/stream/filters-cpu.ts [turns=2000] [rounds=3]` (prints ms per 1,000 tokens
 * per filter and for the four in turn, one line per round; the first round warms up).
 */
import { createEarlyLeakGuard } from '../../server/interview/early-leak-guard.js'
import { questionLabels } from '../../server/interview/fresh-question.js'
import { privatePromptText } from '../../server/interview/llm-interviewer-prompts.js'
import { createStreamedRepeatFilter } from '../../server/interview/streamed-repeat-filter.js'
import { createMarkupFilter } from '../../server/llm/strip-model-markup.js'
import { createNotesSplitter } from '../../server/prompts/interviewer-notes.js'
import { loadPromptLibrary } from '../../server/prompts/prompt-library.js'
import { loadTimeBombQuestion } from '../../tests/server/interview/fixtures/load-question.js'
import { buildReplyTokens } from './reply-script.js'

const turns = Number(process.argv[2] ?? 2000)
const rounds = Number(process.argv[3] ?? 3)

async function main() {
  const question = loadTimeBombQuestion()
  const secret = privatePromptText(await loadPromptLibrary(), question, 'mock')
  const tokens = buildReplyTokens(150)
  const ignore = questionLabels(question)
  /** One turn's tokens through a fresh filter: `make` returns its per-delta step and its end. */
  type Run = () => { push: (delta: string) => unknown; end: () => unknown }
  const filters: Record<string, Run> = {
    'markup filter': () => {
      const f = createMarkupFilter()
      return { push: (d) => f.push(d), end: () => f.end() }
    },
    'notes splitter': () => {
      const f = createNotesSplitter()
      return { push: (d) => f.push(d), end: () => f.end() }
    },
    'leak guard': () => {
      const f = createEarlyLeakGuard(secret)
      return { push: (d) => f.push(d), end: () => f.flush() }
    },
    'repeat filter': () => {
      const f = createStreamedRepeatFilter({ asked: [], ignore })
      return { push: (d) => f.push(d), end: () => f.flush() }
    },
    'all four in turn': () => {
      const markup = createMarkupFilter()
      const notes = createNotesSplitter()
      const guard = createEarlyLeakGuard(secret)
      const repeats = createStreamedRepeatFilter({ asked: [], ignore })
      const pass = (visible: string) => {
        const chunk = guard.push(visible)
        if (chunk === null) return
        if (typeof chunk === 'string') repeats.push(chunk)
        else repeats.revise(chunk.revise)
      }
      return {
        push: (d) => pass(notes.push(markup.push(d))),
        end: () => {
          pass(notes.end())
          guard.flush()
          repeats.flush()
        },
      }
    },
  }
  for (let r = 0; r < rounds; r++) {
    const row: string[] = []
    for (const [name, make] of Object.entries(filters)) {
      const before = process.cpuUsage()
      for (let t = 0; t < turns; t++) {
        const f = make()
        for (const token of tokens) f.push(token)
        f.end()
      }
      const used = process.cpuUsage(before)
      row.push(`${name} ${((used.user + used.system) / 1000 / ((turns * 150) / 1000)).toFixed(2)}`)
    }
    console.log(`round ${r + 1}, ms CPU per 1,000 tokens: ${row.join(', ')}`)
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
