/**
 * `npm run bench`: runs every benchmark script of package.json (`bench:*`, so ones added later are
 * included), one after another, each rewriting its own section of docs/benchmarks.md, then
 * rewrites the section that records when, on what machine and with which command each ran.
 *
 * `-- --only start,stream` runs some; `-- --skip grading` leaves some out. A failing script is
 * reported and the others still run; the exit code is non-zero if any failed.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, totalmem, type, release } from 'node:os'
import { listBenchScripts } from './run-all/bench-scripts.js'
import { formatRunSection, type BenchRun } from './run-all/format-run-table.js'
import { replaceSection } from './stream/replace-section.js'

const REPORT = 'docs/benchmarks.md'
const SECTION = '## How these figures were made'

const args = process.argv.slice(2)
const listArg = (flag: string) =>
  args.includes(flag) ? (args[args.indexOf(flag) + 1] ?? '').split(',').filter(Boolean) : undefined
const scripts = listBenchScripts(JSON.parse(readFileSync('package.json', 'utf8')), {
  only: listArg('--only'),
  skip: listArg('--skip'),
})

/** Puts the run section first, after the title, the first time; in place afterwards. */
function placeSection(doc: string, section: string): string {
  if (doc.includes(`\n${SECTION}\n`) || doc.startsWith(`${SECTION}\n`)) {
    return replaceSection(doc, SECTION, section)
  }
  const firstSection = doc.indexOf('\n## ')
  if (firstSection === -1) return replaceSection(doc, SECTION, section)
  return `${doc.slice(0, firstSection + 1)}${section}\n${doc.slice(firstSection + 1)}`
}

const runs: BenchRun[] = []
for (const script of scripts) {
  console.log(`\n=== npm run ${script} ===`)
  const loadBefore = loadavg()[0]!
  const startedAt = new Date().toISOString()
  const start = performance.now()
  const child = spawn('npm', ['run', script], { stdio: 'inherit' })
  const [code] = (await once(child, 'exit')) as [number | null]
  runs.push({
    script,
    startedAt,
    durationMs: performance.now() - start,
    exitCode: code ?? 1,
    loadBefore,
  })
}

const section = formatRunSection(SECTION, runs, {
  cpus: availableParallelism(),
  cpuModel: cpus()[0]?.model ?? 'unknown CPU',
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  os: `${type()} ${release()}`,
})
writeFileSync(REPORT, placeSection(readFileSync(REPORT, 'utf8'), section))
console.log(`\n${section}`)
const failed = runs.filter((r) => r.exitCode !== 0)
if (failed.length > 0) {
  console.error(`failed: ${failed.map((r) => r.script).join(', ')}`)
  process.exitCode = 1
}
