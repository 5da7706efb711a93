import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseImportArgs, runQuestionImport } from '../../../server/questions/run-question-import.js'

const SEED = '../shared/seed/interview-questions.txt'
let dir: string
let out: string[]
let err: string[]
const io = { print: (l: string) => out.push(l), printError: (l: string) => err.push(l) }

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sparring-import-'))
  out = []
  err = []
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('questions:import', () => {
  it('parses its arguments and rejects unknown ones', () => {
    expect(parseImportArgs(['a.txt', '--out', 'q', '--dry-run', '--force'])).toEqual({
      ok: true,
      args: { file: 'a.txt', out: 'q', dryRun: true, force: true },
    })
    expect(parseImportArgs([])).toMatchObject({ ok: false })
    expect(parseImportArgs(['a.txt', '--fast'])).toEqual({ ok: false, error: 'unknown option --fast' })
  })

  it('imports the seed and prints what it wrote', async () => {
    expect(await runQuestionImport([SEED, '--out', dir], io)).toBe(0)
    expect(await readdir(dir)).toHaveLength(15)
    expect(out).toContain(`wrote ${join(dir, '10-the-regret-retrospective.md')}`)
    expect(out.at(-1)).toBe('15 questions: 15 wrote, 0 kept.')
  })

  it('keeps an existing file and says so, unless --force', async () => {
    const path = join(dir, '04-the-payment-race-condition.md')
    await writeFile(path, 'restored by hand')
    expect(await runQuestionImport([SEED, '--out', dir], io)).toBe(0)
    expect(out.some((l) => l.startsWith(`kept ${path}`) && l.includes('--force'))).toBe(true)
    expect(await readFile(path, 'utf8')).toBe('restored by hand')
    expect(await runQuestionImport([SEED, '--out', dir, '--force'], io)).toBe(0)
    expect(await readFile(path, 'utf8')).not.toBe('restored by hand')
  })

  it('prints errors with line numbers, exits 1 and writes nothing for a malformed document', async () => {
    const bad = join(dir, 'bad.txt')
    const seed = await readFile(SEED, 'utf8')
    await writeFile(bad, seed.replace('8.5/10', 'eight and a half'))
    const target = join(dir, 'out')
    expect(await runQuestionImport([bad, '--out', target], io)).toBe(1)
    expect(err[0]).toMatch(new RegExp(`^${bad}:341: expected a score "N/10"`))
    expect(err.at(-1)).toContain('nothing written')
    await expect(readdir(target)).rejects.toThrow()
  })

  it('writes nothing on --dry-run', async () => {
    expect(await runQuestionImport([SEED, '--out', dir, '--dry-run'], io)).toBe(0)
    expect(out[0]).toMatch(/^would write /)
    expect(await readdir(dir)).toEqual([])
  })
})
