import { readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { check, resolveConfig } from 'prettier'
import { afterEach, expect, it } from 'vitest'
import { writeFittedScale } from '../../../bench/transcripts-bench/write-fitted-scale.js'
import { ScoreScaleSchema } from '../../../server/grading/score-scale.js'

// Inside the repository, so the project's formatter settings apply as they do to the real file.
const file = join(resolve(import.meta.dirname, '../../..'), 'bench/.fitted-scale-test.ts')
afterEach(() => rmSync(file, { force: true }))

it('writes the fitted scale as the formatter would, so the format check passes after a refit', async () => {
  const scale = ScoreScaleSchema.parse({
    specificityWeight: 0.08,
    fillerWeight: 1,
    certaintyWeight: 0.75,
    onTopicAt: 0.5,
    reachOnTopic: [0.25, 0.45],
    knots: [
      [0, 0.5],
      [0.2001, 2],
      [0.8461, 9],
    ],
    fittedOn: 'all 15 questions of bench/transcripts',
  })
  await writeFittedScale(file, scale, 'bench/transcripts')
  const written = readFileSync(file, 'utf8')
  expect(await check(written, { ...(await resolveConfig(file)), filepath: file })).toBe(true)
  expect(written).toContain('reachOnTopic: [0.25, 0.45]')
  expect(written).toContain('certaintyWeight: 0.75,')
  expect(written).toContain("fittedOn: 'all 15 questions of bench/transcripts'")
  // A scale fitted without a cap is written without one, and read back the same.
  expect(written).not.toContain('fillerCap')
})

it('writes the filler cap when the fit chose one', async () => {
  const scale = ScoreScaleSchema.parse({
    specificityWeight: 0.06,
    fillerWeight: 1,
    fillerCap: 0.4,
    certaintyWeight: 1,
    onTopicAt: 0.5,
    reachOnTopic: [0.25, 0.45],
    knots: [[0, 0.5]],
    fittedOn: 'test',
  })
  await writeFittedScale(file, scale, 'bench/transcripts')
  const written = readFileSync(file, 'utf8')
  expect(written).toContain('fillerWeight: 1,\n  fillerCap: 0.4,\n')
  expect(await check(written, { ...(await resolveConfig(file)), filepath: file })).toBe(true)
})

// The shipped scale says in its own file which sets it was fitted on, pooled.
it('names the sets the scale was fitted on', async () => {
  const scale = ScoreScaleSchema.parse({
    specificityWeight: 0.06,
    fillerWeight: 1,
    certaintyWeight: 1,
    onTopicAt: 0.5,
    reachOnTopic: [0.25, 0.45],
    knots: [[0, 0.5]],
    fittedOn: 'all 15 questions of bench/transcripts and bench/transcripts-fresh',
  })
  await writeFittedScale(file, scale, 'bench/transcripts and bench/transcripts-fresh')
  const written = readFileSync(file, 'utf8')
  expect(written).toContain(
    'every graded transcript of\n * bench/transcripts and bench/transcripts-fresh by',
  )
  expect(await check(written, { ...(await resolveConfig(file)), filepath: file })).toBe(true)
})
