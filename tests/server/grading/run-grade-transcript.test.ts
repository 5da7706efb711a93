import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createGradingAnalyzer } from '../../../server/grading/answer-coverage.js'
import { GradeSchema } from '../../../server/grading/grade-schema.js'
import { createOfflineGrader } from '../../../server/grading/offline-grader.js'
import { runGradeTranscript } from '../../../server/grading/run-grade-transcript.js'
import { loadQuestionBank } from '../../../server/questions/question-bank.js'
import { repoRoot } from './grading-support.js'

/** Runs the CLI with the real bank and a lexical (vector-free) grader, capturing its output. */
async function run(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runGradeTranscript(
    argv,
    { print: (l) => out.push(l), printError: (l) => err.push(l) },
    {
      loadBank: () => loadQuestionBank(join(repoRoot, 'questions')),
      createGrader: () =>
        createOfflineGrader({ analyzer: createGradingAnalyzer(undefined), now: () => new Date(0) }),
    },
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}

function tempFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'grade-cli-')), 'transcript.json')
  writeFileSync(file, content)
  return file
}

describe('npm run grade', () => {
  it('prints a readable report for the example transcript', async () => {
    const { code, out } = await run([join(repoRoot, 'docs/examples/transcript.json')])
    expect(code).toBe(0)
    expect(out).toMatch(/^Overall: \d+(\.\d)?\/10/m)
    expect(out).toContain('Idempotency Understanding')
    expect(out).toContain('Framework')
    const nextSteps = out.slice(out.indexOf('Next steps'))
    expect(nextSteps.match(/^ {2}\d\. /gm)).toHaveLength(3)
  })

  it('prints the grade as JSON with --json', async () => {
    const { code, out } = await run([join(repoRoot, 'docs/examples/transcript.json'), '--json'])
    expect(code).toBe(0)
    expect(GradeSchema.parse(JSON.parse(out)).questionId).toBe('the-payment-race-condition')
  })

  it('explains invalid JSON', async () => {
    const { code, err } = await run([tempFile('{ not json')])
    expect(code).toBe(1)
    expect(err).toMatch(/cannot read .* as JSON/)
  })

  it('lists what is wrong with a transcript of the wrong shape', async () => {
    const { code, err } = await run([
      tempFile(JSON.stringify({ questionId: '', turns: [{ id: 't1', role: 'judge' }] })),
    ])
    expect(code).toBe(1)
    expect(err).toContain('is not a valid transcript')
    expect(err).toMatch(/turns\.0\.role/)
    expect(err).toMatch(/turns\.0\.text/)
  })

  it('rejects an unknown question, a missing file argument and unknown options', async () => {
    const unknown = await run([
      tempFile(JSON.stringify({ questionId: 'no-such-question', turns: [] })),
    ])
    expect(unknown.code).toBe(1)
    expect(unknown.err).toContain('unknown question "no-such-question"')
    expect((await run([])).code).toBe(1)
    expect((await run(['a.json', '--fast'])).err).toContain('unknown option --fast')
  })
})
