import { describe, expect, it } from 'vitest'
import { questionVersion } from '../../../server/interview/question-version.js'
import { loadTimeBombQuestion } from './fixtures/load-question.js'

describe('questionVersion', () => {
  it('is the same for a copy and changes with any edit, the id kept', () => {
    const question = loadTimeBombQuestion()
    expect(questionVersion(structuredClone(question))).toBe(questionVersion(question))
    const edited = { ...question, modelAnswer: `${question.modelAnswer}\nOne more line.` }
    expect(edited.id).toBe(question.id)
    expect(questionVersion(edited)).not.toBe(questionVersion(question))
  })
})
