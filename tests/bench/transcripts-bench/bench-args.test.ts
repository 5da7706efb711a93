import { describe, expect, it } from 'vitest'
import { parseBenchArgs } from '../../../bench/transcripts-bench/bench-args.js'

describe('parseBenchArgs', () => {
  it('defaults to the offline grader and writing the docs', () => {
    expect(parseBenchArgs([])).toEqual({
      ok: true,
      args: {
        grader: 'offline',
        set: 'dev',
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

  // The fresh set only measures: fitting the shipped scale on it would spend the held-out test.
  it('refuses --write-scale with --set fresh', () => {
    const parsed = parseBenchArgs(['--set', 'fresh', '--write-scale'])
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.message).toContain('never fitted on it')
  })

  it('takes --set fresh2, the second blind set', () => {
    const parsed = parseBenchArgs(['--set', 'fresh2'])
    expect(parsed.ok && parsed.args.set).toBe('fresh2')
  })

  // Every set but dev is a test set, the second blind one included.
  it('refuses --write-scale with --set fresh2', () => {
    const parsed = parseBenchArgs(['--set', 'fresh2', '--write-scale'])
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.message).toContain('never fitted on it')
  })

  it('names every set in the usage', () => {
    const parsed = parseBenchArgs(['--fast'])
    if (!parsed.ok) expect(parsed.message).toContain('[--set dev|fresh|fresh2]')
  })

  it('rejects an unknown grader, a missing value or an unknown flag with the usage', () => {
    for (const argv of [['--grader', 'gpt'], ['--grader'], ['--fast'], ['--set', 'hidden']]) {
      const parsed = parseBenchArgs(argv)
      expect(parsed.ok).toBe(false)
      if (!parsed.ok) expect(parsed.message).toContain('usage: npm run bench:transcripts')
    }
  })
})
