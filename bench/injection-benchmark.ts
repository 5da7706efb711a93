/**
 * Measures the injection detector (server/interview/injection-detector.ts) on its corpora in
 * tests/server/interview/fixtures/injection: false alarms on design talk (every sentence of the
 * bank and what candidates say) and attempts caught, by kind. Writes the "Injection detector"
 * section of docs/benchmarks.md.
 *
 *   npm run bench:injection
 */
import { readFile, writeFile } from 'node:fs/promises'
import { isInjectionAttempt } from '../server/interview/injection-detector.js'
import { replaceSection } from './stream/replace-section.js'

const DIR = 'tests/server/interview/fixtures/injection'
const REPORT = 'docs/benchmarks.md'
const SECTION = '## Injection detector'

const read = (name: string) => readFile(`${DIR}/${name}`, 'utf8')
const bank = (await read('bank-talk.txt')).split('\n').filter((l) => l.trim())
const talk = (await read('candidate-talk.txt'))
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('# '))
const attempts = JSON.parse(await read('attempts.json')) as { kind: string; text: string }[]

const started = performance.now()
const bankAlarms = bank.filter(isInjectionAttempt)
const talkAlarms = talk.filter(isInjectionAttempt)
const kinds = [...new Set(attempts.map((a) => a.kind))]
const byKind = kinds.map((kind) => {
  const of = attempts.filter((a) => a.kind === kind)
  return { kind, total: of.length, caught: of.filter((a) => isInjectionAttempt(a.text)).length }
})
const ms = performance.now() - started
const sentences = bank.length + talk.length + attempts.length
const caught = byKind.reduce((n, k) => n + k.caught, 0)

const rows = byKind.map((k) => `| ${k.kind} | ${k.total} | ${k.caught} |`).join('\n')
const section = `${SECTION}

What is measured: whether server/interview/injection-detector.ts raises an alarm, sentence by
sentence, on design talk (false alarms) and on attempts to get the answer, the rubric or a score,
to fake a system line, to role-play or to override the interviewer's instructions (caught). The
corpora are fixtures in \`${DIR}\`: \`bank-talk.txt\` (every sentence and code line of the bank's
model answers, scenarios, steps and rubric, extracted by \`extract-bank-talk.ts\`),
\`candidate-talk.txt\` (what candidates say, many sentences chosen as near misses: "act as a
write-through cache", "ask Dan, our DBA", "forget about the previous design", "read the
reference solution in the Stripe docs") and \`attempts.json\`.

Run: \`npm run bench:injection\` (${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}).

| corpus | sentences | alarms |
|---|---|---|
| bank (model answers, scenarios, steps, rubric) | ${bank.length} | ${bankAlarms.length} |
| candidate talk | ${talk.length} | ${talkAlarms.length} |

| attempts by kind | total | caught |
|---|---|---|
${rows}
| all | ${attempts.length} | ${caught} (${((100 * caught) / attempts.length).toFixed(1)}%) |

Checking all ${sentences} sentences takes ${ms.toFixed(0)} ms.

Caveats: the patterns were written by the person who wrote the corpora, so the figures above are
on the development set. The honest figure is the rate on attempts written after the patterns:
\`later-1\` (30 attempts, 20 near-miss sentences) was written after the first version, which
caught 6 of the 30 (20%, no false alarm); the patterns were generalised (request verbs addressed to
the interviewer, "for me", "you could paste", top-score phrases, "act like", "assume the role
of"), and \`later-2\` (25 attempts, 20 near misses) written after that was caught 10 of 25 (40%, no
false alarm) before it too was folded in; \`later-3\` (20 attempts, 15 near misses), written after
the second round, was caught 5 of 20 (25%, no false alarm) before the third round folded it in.
Expect new phrasings to get through at about those rates:
the detector is a first line that only chooses the redirect; the LLM interviewer's prompt and the
leak guard on every interviewer sentence stay the defence against giving the answer away.
`
const current = await readFile(REPORT, 'utf8').catch(() => '')
await writeFile(REPORT, replaceSection(current, SECTION, section))
console.log(section)
if (bankAlarms.length + talkAlarms.length > 0) {
  console.log('False alarms:', [...bankAlarms, ...talkAlarms])
  process.exitCode = 1
}
