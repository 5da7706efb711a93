import { describe, expect, it } from 'vitest'
import { parseBenchArgs } from '../../../bench/transcripts-bench/bench-args.js'

describe('parseBenchArgs', () => {
  it('defaults to the offline grader and writing the docs', () => {
    expect(parseBenchArgs([])).toEqual({
      ok: true,
      args: {
        grader: 'offline',
        set: 'dev',
        fitSets: ['dev'],
        concurrency: 4,
        write: true,
        writeScale: false,
        perCaseTiming: false,
      },
    })
  })

  it('takes --grader llm, --concurrency and --no-write', () => {
    expect(parseBenchArgs(['--grader', 'llm', '--concurrency', '2', '--no-write'])).toEqual({
      ok: true,
      args: {
        grader: 'llm',
        set: 'dev',
        fitSets: ['dev'],
        concurrency: 2,
        write: false,
        writeScale: false,
        perCaseTiming: false,
      },
    })
  })

  it('takes --per-case-timing', () => {
    const parsed = parseBenchArgs(['--per-case-timing'])
    expect(parsed.ok && parsed.args.perCaseTiming).toBe(true)
  })

  it('takes --set fresh, the held-out test set', () => {
    const parsed = parseBenchArgs(['--set', 'fresh'])
    expect(parsed.ok && parsed.args.set).toBe('fresh')
  })

  // The fresh set only measures by default: fitting the shipped scale on it would spend the test.
  it('refuses --write-scale with --set fresh', () => {
    const parsed = parseBenchArgs(['--set', 'fresh', '--write-scale'])
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.message).toContain('never fitted on it')
  })

  it('takes --fit-sets as a comma-separated list', () => {
    const parsed = parseBenchArgs(['--fit-sets', 'dev,fresh'])
    expect(parsed.ok && parsed.args.fitSets).toEqual(['dev', 'fresh'])
  })

  // Fitted on fresh too, fresh is graded held out by question, so it may be named and written.
  it('takes --set fresh and --write-scale when fresh is fitted on', () => {
    const parsed = parseBenchArgs(['--fit-sets', 'dev,fresh', '--set', 'fresh', '--write-scale'])
    expect(parsed.ok && parsed.args.writeScale).toBe(true)
  })

  // The shipped scale is fitted on dev: graded with it, dev would pass for a blind test and is not.
  it('refuses grading a shipped fit set as blind', () => {
    const parsed = parseBenchArgs(['--fit-sets', 'fresh', '--set', 'dev'])
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.message).toContain('no blind test')
    const llm = parseBenchArgs(['--grader', 'llm', '--fit-sets', 'fresh', '--set', 'dev'])
    expect(llm.ok).toBe(true)
  })

  // fresh2 stays blind: it is never a set a scale may be fitted on.
  it('refuses fresh2, an unknown set or a repeated set in --fit-sets', () => {
    for (const value of ['dev,fresh2', 'dev,hidden', 'dev,dev', '']) {
      const parsed = parseBenchArgs(['--fit-sets', value])
      expect(parsed.ok).toBe(false)
      if (!parsed.ok) expect(parsed.message).toContain('usage: npm run bench:transcripts')
    }
  })

  it('takes --set fresh2, the second blind set', () => {
    const parsed = parseBenchArgs(['--set', 'fresh2'])
    expect(parsed.ok && parsed.args.set).toBe('fresh2')
  })

  it('takes --set fresh3, the third blind set, and refuses to write a scale from it', () => {
    const parsed = parseBenchArgs(['--set', 'fresh3'])
    expect(parsed.ok && parsed.args.set).toBe('fresh3')
    expect(parseBenchArgs(['--set', 'fresh3', '--write-scale']).ok).toBe(false)
    expect(parseBenchArgs(['--fit-sets', 'dev,fresh3']).ok).toBe(false)
  })

  // Every set but dev is a test set, the second blind one included.
  it('refuses --write-scale with --set fresh2', () => {
    const parsed = parseBenchArgs(['--set', 'fresh2', '--write-scale'])
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.message).toContain('never fitted on it')
  })

  it('names every set in the usage', () => {
    const parsed = parseBenchArgs(['--fast'])
    if (!parsed.ok)
      expect(parsed.message).toContain('[--set dev|fresh|fresh2|fresh3] [--fit-sets dev,fresh]')
  })

  it('rejects an unknown grader, a missing value or an unknown flag with the usage', () => {
    for (const argv of [['--grader', 'gpt'], ['--grader'], ['--fast'], ['--set', 'hidden']]) {
      const parsed = parseBenchArgs(argv)
      expect(parsed.ok).toBe(false)
      if (!parsed.ok) expect(parsed.message).toContain('usage: npm run bench:transcripts')
    }
  })
})
