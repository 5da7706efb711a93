/**
 * What the markup filter's opening hold (server/llm/reasoning-opening.ts) costs ordinary replies:
 * each reply is streamed one word a token into a fresh filter, and the tokens that came before
 * its first released text are counted (0: released at its first token). The ordinary replies are
 * the offline interviewer's follow-up templates (every open and deeper template of every step
 * kind, placeholders filled) and the hints; the reasoning openings are the ways distills and
 * thinking models start when their template opened the block in the prompt, which should be
 * held to the closer. Prints figures; no file is written.
 *
 *   npx tsx bench/stream/opening-hold.ts
 */
import { FOLLOW_UP_TEMPLATES } from '../../server/interview/follow-up-templates.js'
import { createMarkupFilter } from '../../server/llm/strip-model-markup.js'

const fill = (t: string) =>
  t.replaceAll('{step}', 'the rollout plan').replaceAll('{quote}', 'we add a cache')

const ordinary = Object.values(FOLLOW_UP_TEMPLATES).flatMap((k) => [
  ...[...k.open, ...k.deeper].map((t) => fill(typeof t === 'string' ? t : t.text)),
  ...k.hints.map(fill),
])
const reasoning = [
  'Okay, so the user proposed a write-through cache and I need to ask about staleness.',
  "Okay, let's see. The user wants me to act as the interviewer.",
  'Alright, the candidate mentioned sharding by user id, so the gap is rebalancing.',
  'We need to produce one follow-up question about the rollout.',
  'The user says they would add a cache. We should ask about invalidation.',
  'Hmm, the candidate skipped capacity. Let me think about what to ask.',
]

/** Tokens pushed before the first text came out (all of them when none did). */
function held(text: string): number {
  const tokens = text.match(/\s*\S+/g) ?? []
  const filter = createMarkupFilter()
  for (let i = 0; i < tokens.length; i++) if (filter.push(tokens[i]!) !== '') return i
  return tokens.length
}

function summary(name: string, texts: string[]) {
  const counts = texts.map(held).sort((a, b) => a - b)
  const delayed = counts.filter((c) => c > 0).length
  const p95 = counts[Math.floor(0.95 * (counts.length - 1))]
  const mean = counts.reduce((a, b) => a + b, 0) / counts.length
  console.log(
    `${name}: ${texts.length} replies, ${delayed} (${((100 * delayed) / texts.length).toFixed(1)}%) held past their first token; ` +
      `tokens held mean ${mean.toFixed(2)}, p95 ${p95}, max ${counts.at(-1)}`,
  )
}

summary('ordinary (offline templates and hints)', ordinary)
summary('reasoning openings (held to the closer: all their tokens)', reasoning)
