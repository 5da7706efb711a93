import { describe, expect, it } from 'vitest'
import { listBenchScripts } from '../../../bench/run-all/bench-scripts.js'

const pkg = {
  scripts: {
    start: 'node x',
    bench: 'tsx bench/run-all.ts',
    'bench:grading': 'a',
    build: 'vite build',
    'bench:stream': 'b',
    'bench:transcripts': 'c',
  },
}

describe('listBenchScripts', () => {
  it('lists every bench:* script in package.json order, not the runner itself', () => {
    expect(listBenchScripts(pkg)).toEqual(['bench:grading', 'bench:stream', 'bench:transcripts'])
  })

  it('keeps only or skips the named ones, with or without the prefix', () => {
    expect(listBenchScripts(pkg, { only: ['stream', 'bench:grading'] })).toEqual([
      'bench:grading',
      'bench:stream',
    ])
    expect(listBenchScripts(pkg, { skip: ['grading'] })).toEqual([
      'bench:stream',
      'bench:transcripts',
    ])
  })

  it('refuses a package.json without scripts', () => {
    expect(() => listBenchScripts({ name: 'x' })).toThrow()
  })
})
