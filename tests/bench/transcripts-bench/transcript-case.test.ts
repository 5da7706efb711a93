import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  FRESH_LEVELS,
  LEVELS,
  candidateWords,
  loadTranscriptCases,
} from '../../../bench/transcripts-bench/transcript-case.js'

let dir: string | undefined
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
  dir = undefined
})

describe('loadTranscriptCases', () => {
  it('loads the dev set: every question at every level, variants naming an existing base', async () => {
    const cases = await loadTranscriptCases(join(import.meta.dirname, '../../../bench/transcripts'))
    const questions = new Set(cases.map((c) => c.questionId))
    expect(questions.size).toBe(15)
    for (const q of questions)
      expect(cases.filter((c) => c.questionId === q).map((c) => c.level)).toEqual([...LEVELS])
    for (const c of cases.filter((x) => x.baseLevel))
      expect(cases.some((b) => b.questionId === c.questionId && b.level === c.baseLevel)).toBe(true)
  })

  // The held-out set (written blind): 6 questions, every one at the same 8 kinds, in reading order.
  it('loads the fresh set: 6 questions at every fresh kind', async () => {
    const cases = await loadTranscriptCases(
      join(import.meta.dirname, '../../../bench/transcripts-fresh'),
    )
    const questions = new Set(cases.map((c) => c.questionId))
    expect(questions.size).toBe(6)
    for (const q of questions)
      expect(cases.filter((c) => c.questionId === q).map((c) => c.level)).toEqual([...FRESH_LEVELS])
  })

  // The second blind set: 6 questions the fresh set does not use, 8 cases each, its own kinds
  // ordered by target (highest first) since the level list does not know them.
  it('loads the second blind set: 6 questions apart from the fresh set, 8 cases each', async () => {
    const bench = join(import.meta.dirname, '../../../bench')
    const cases = await loadTranscriptCases(join(bench, 'transcripts-fresh2'))
    const fresh = new Set(
      (await loadTranscriptCases(join(bench, 'transcripts-fresh'))).map((c) => c.questionId),
    )
    const questions = new Set(cases.map((c) => c.questionId))
    expect(questions.size).toBe(6)
    for (const q of questions) {
      expect(fresh.has(q)).toBe(false)
      const targets = cases.filter((c) => c.questionId === q).map((c) => c.target)
      expect(targets).toHaveLength(8)
      expect(targets).toEqual([...targets].sort((a, b) => b - a))
    }
  })

  // The third blind set: the same 8 kinds for each of its 6 questions, in reading order, best
  // first by target; the claims case is the mediocre text with lines added, never graded above it.
  it('loads the third blind set: 8 kinds per question, claims added to the mediocre text', async () => {
    const cases = await loadTranscriptCases(
      join(import.meta.dirname, '../../../bench/transcripts-fresh3'),
    )
    const questions = new Set(cases.map((c) => c.questionId))
    expect(questions.size).toBe(6)
    for (const q of questions) {
      const mine = cases.filter((c) => c.questionId === q)
      expect(mine.map((c) => c.level)).toEqual([
        'excellent',
        'excellent-concise',
        'good',
        'mediocre',
        'mediocre-claims',
        'confident-wrong',
        'poor',
        'keyword-list',
      ])
      const targets = mine.map((c) => c.target)
      expect(targets).toEqual([...targets].sort((a, b) => b - a))
      const base = mine.find((c) => c.level === 'mediocre')!
      const claims = mine.find((c) => c.level === 'mediocre-claims')!
      expect(claims.baseLevel).toBe('mediocre')
      expect(claims.target).toBeLessThanOrEqual(base.target)
      expect(claims.turns).toHaveLength(base.turns.length)
      base.turns.forEach((t, i) => expect(claims.turns[i]!.text).toContain(t.text))
    }
  })

  it('names every invalid or misplaced file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cases-'))
    await mkdir(join(dir, 'q1'))
    const valid = {
      questionId: 'q1',
      level: 'good',
      target: 7,
      range: [6, 8],
      justification: 'ok',
      turns: [{ id: 'c1', role: 'candidate', text: 'hello there' }],
    }
    await writeFile(join(dir, 'q1', 'good.json'), JSON.stringify(valid))
    await writeFile(join(dir, 'q1', 'poor.json'), JSON.stringify(valid))
    await writeFile(
      join(dir, 'q1', 'bad.json'),
      JSON.stringify({ ...valid, level: 'bad', target: 9 }),
    )
    await writeFile(join(dir, 'q1', 'broken.json'), '{')
    const error = await loadTranscriptCases(dir).catch((e: Error) => e)
    expect(error).toBeInstanceOf(Error)
    const message = (error as Error).message
    expect(message).toContain('q1/poor.json: questionId/level do not match')
    expect(message).toContain('q1/bad.json: range: target must lie within range')
    expect(message).toContain('q1/broken.json: not JSON')
    expect(message).not.toContain('good.json')
  })

  it('counts only the candidate words', () => {
    expect(
      candidateWords({
        turns: [
          { id: 'i1', role: 'interviewer', text: 'three words here' },
          { id: 'c1', role: 'candidate', text: ' two  words ' },
        ],
      }),
    ).toBe(2)
  })
})
