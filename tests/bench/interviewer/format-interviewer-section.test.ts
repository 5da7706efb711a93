import { describe, expect, it } from 'vitest'
import {
  formatInterviewerSection,
  formatOtherWords,
  formatSeveralSteps,
  type OtherWordsRun,
} from '../../../bench/interviewer/format-interviewer-section.js'
import type { ResultSummary } from '../../../bench/interviewer/summarise-results.js'

const summary = (label: string, followUps: number, redundant: number): ResultSummary => ({
  label,
  interviews: 7,
  followUps,
  redundant,
  repeats: 0,
  quotesReused: 0,
  leaks: 0,
  promptEchoes: 0,
  markupShown: 0,
  multiQuestion: 0,
  stepsProbed: 4,
  steps: 4,
  stepsProbedWeak: 4,
  clarifications: 3,
  clarificationsRight: 3,
})

const run = (pick: number, a: number, b: number): OtherWordsRun => ({
  engine: 'Offline engine',
  pick,
  rows: [summary('1. One', 40, a), summary('2. Two', 36, b)],
  total: summary('All questions', 76, a + b),
})

describe('formatOtherWords', () => {
  it('gives each question a cell per run, the totals and the worst question of each run', () => {
    const lines = formatOtherWords([run(0, 1, 0), run(1, 0, 2)])
    expect(lines[0]).toBe('| Question | Offline engine, labelled:0 | Offline engine, labelled:1 |')
    expect(lines).toContain('| 1. One | 1 (2.5%) | 0 (0.0%) |')
    expect(lines).toContain('| 2. Two | 0 (0.0%) | 2 (5.6%) |')
    expect(lines).toContain('| **All questions** | **1 (1.3%)** | **2 (2.6%)** |')
    // The worst question by share, not by count.
    expect(lines).toContain('| Worst question | 2.5% (q1) | 5.6% (q2) |')
  })

  it('adds no section when the candidates in other words were not run', () => {
    expect(formatOtherWords([])).toEqual([])
    const section = formatInterviewerSection({ date: 'd', command: 'c', tables: [], examples: [] })
    expect(section).not.toContain('Candidates in other words')
  })
})

describe('formatSeveralSteps', () => {
  it('gives each set of scripts a cell per engine and steps a reply, with its worst question', () => {
    const several = (pick: number | null, stepsPerReply: number, a: number, b: number) => ({
      ...run(0, a, b),
      pick,
      stepsPerReply,
    })
    const lines = formatSeveralSteps([
      several(null, 2, 1, 0),
      several(null, 3, 0, 2),
      several(0, 2, 0, 0),
    ])
    expect(lines[0]).toBe(
      '| Scripts | Offline engine, 2 steps a reply | Offline engine, 3 steps a reply |',
    )
    expect(lines).toContain(
      "| the bench's own | 1 of 76 (1.3%; worst 2.5%, q1) | 2 of 76 (2.6%; worst 5.6%, q2) |",
    )
    // A set run with one width only leaves the other cell empty.
    expect(lines).toContain('| labelled:0 | 0 of 76 (0.0%; worst 0.0%, q1) |  |')
  })
})
