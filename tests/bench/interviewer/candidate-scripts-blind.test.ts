import { describe, expect, it } from 'vitest'
import { BLIND_CANDIDATE_SCRIPTS } from '../../../bench/interviewer/candidate-scripts-blind.js'
import { CANDIDATE_SCRIPTS } from '../../../bench/interviewer/candidate-scripts.js'
import { loadQuestionBank } from '../../../server/questions/question-bank.js'

// Shape checks only: the blind scripts are a held-out measure, so no test asserts what the
// interviewer does with them (that would invite tuning on them).
const bank = await loadQuestionBank('questions')

/** The text a clarification's fact must come from: what the candidate was shown. */
function questionText(id: string): string {
  const q = bank.questions.find((x) => x.id === id)!
  return [q.prompt, q.scenario, ...q.requirements].join('\n')
}

describe('BLIND_CANDIDATE_SCRIPTS', () => {
  it('has exactly one script for every question of the bank', () => {
    const ids = BLIND_CANDIDATE_SCRIPTS.map((s) => s.questionId)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(bank.questions.map((q) => q.id).sort())
  })

  it('answers every framework step, and only those, each in a few sentences', () => {
    for (const question of bank.questions) {
      const script = BLIND_CANDIDATE_SCRIPTS.find((s) => s.questionId === question.id)!
      const numbers = question.framework.steps.map((s) => s.number)
      expect(Object.keys(script.steps).map(Number).sort()).toEqual([...numbers].sort())
      for (const n of numbers) {
        const sentences = script.steps[n]!.split(/(?<=[.?!])\s+/).filter(Boolean)
        expect(sentences.length, `${question.id} step ${n}`).toBeGreaterThanOrEqual(2)
        expect(sentences.length, `${question.id} step ${n}`).toBeLessThanOrEqual(5)
      }
      expect(script.keywords.split(',').length).toBeGreaterThanOrEqual(5)
    }
  })

  it('gives each clarifying question a fact quoted from the question, or null (one at least)', () => {
    for (const script of BLIND_CANDIDATE_SCRIPTS) {
      const text = questionText(script.questionId)
      expect(script.clarifications).toHaveLength(3)
      expect(script.clarifications.some((c) => c.fact === null)).toBe(true)
      for (const { ask, fact } of script.clarifications) {
        expect(ask.trim().endsWith('?'), ask).toBe(true)
        for (const f of fact === null ? [] : [fact].flat()) expect(text, ask).toContain(f)
      }
    }
  })

  it('shares no step answer, keyword list or clarifying question with the tuned scripts', () => {
    const tuned = new Set(
      CANDIDATE_SCRIPTS.flatMap((s) => [
        ...Object.values(s.steps),
        s.keywords,
        ...s.clarifications.map((c) => c.ask),
      ]),
    )
    for (const s of BLIND_CANDIDATE_SCRIPTS) {
      for (const text of [
        ...Object.values(s.steps),
        s.keywords,
        ...s.clarifications.map((c) => c.ask),
      ])
        expect(tuned.has(text), text).toBe(false)
    }
  })
})
