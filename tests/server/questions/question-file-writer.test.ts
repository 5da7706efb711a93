import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadQuestionBank } from '../../../server/questions/question-bank.js'
import { writeQuestionFiles } from '../../../server/questions/question-file-writer.js'
import type { Question } from '../../../server/questions/question-schema.js'

let dir: string
let questions: Question[]

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sparring-writer-'))
  questions = [...(await loadQuestionBank('questions')).questions]
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('writeQuestionFiles', () => {
  it('writes NN-<id>.md files that load back as the same questions', async () => {
    const result = await writeQuestionFiles(questions.slice(0, 3), dir)
    expect(result).toEqual({
      ok: true,
      written: [
        join(dir, '01-the-architectural-time-bomb.md'),
        join(dir, '02-the-production-performance-mystery.md'),
        join(dir, '03-the-monolith-technical-debt-dilemma.md'),
      ],
      kept: [],
    })
    expect((await loadQuestionBank(dir)).questions).toEqual(questions.slice(0, 3))
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('validates everything first: one invalid question means nothing is written', async () => {
    const bad = { ...questions[1]!, statedScore: { value: 9, scale: -1 } }
    const result = await writeQuestionFiles([questions[0]!, bad], dir)
    expect(result.ok).toBe(false)
    expect(await readdir(dir)).toEqual([])
  })

  it('rejects duplicate ids and numbers and writes nothing', async () => {
    const result = await writeQuestionFiles([questions[0]!, { ...questions[0]!, number: 2 }], dir)
    expect(result).toEqual({ ok: false, errors: ['duplicate id "the-architectural-time-bomb"'] })
    expect(await readdir(dir)).toEqual([])
  })

  it('keeps the existing file of an id unless asked to overwrite', async () => {
    const path = join(dir, '02-the-production-performance-mystery.md')
    await writeFile(path, 'hand-restored')
    const kept = await writeQuestionFiles(questions.slice(0, 2), dir)
    expect(kept).toMatchObject({ ok: true, kept: [path], written: [join(dir, '01-the-architectural-time-bomb.md')] })
    expect(await readFile(path, 'utf8')).toBe('hand-restored')

    const forced = await writeQuestionFiles(questions.slice(0, 2), dir, { overwrite: true })
    expect(forced).toMatchObject({ ok: true, kept: [] })
    expect(await readFile(path, 'utf8')).toContain('id: the-production-performance-mystery')
  })

  it('renames an overwritten file whose number changed, leaving one file per id', async () => {
    await writeFile(join(dir, '09-the-architectural-time-bomb.md'), 'old')
    await writeQuestionFiles(questions.slice(0, 1), dir, { overwrite: true })
    expect(await readdir(dir)).toEqual(['01-the-architectural-time-bomb.md'])
  })

  it('writes nothing on a dry run', async () => {
    const result = await writeQuestionFiles(questions, dir, { dryRun: true })
    expect(result).toMatchObject({ ok: true })
    expect(await readdir(dir)).toEqual([])
  })

  it('leaves existing files intact and no temp files behind when a write fails', async () => {
    const path = join(dir, '01-the-architectural-time-bomb.md')
    await writeFile(path, 'existing')
    let calls = 0
    const failSecond = async (file: string, text: string) => {
      if (++calls === 2) throw new Error('disk full')
      await writeFile(file, text)
    }
    const result = await writeQuestionFiles(questions.slice(0, 3), dir, {
      overwrite: true,
      writeFile: failSecond,
    })
    expect(result).toEqual({ ok: false, errors: ['could not write the question files: disk full'] })
    expect(await readFile(path, 'utf8')).toBe('existing')
    expect(await readdir(dir)).toEqual(['01-the-architectural-time-bomb.md'])
  })
})
