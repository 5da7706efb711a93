import { readdir } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { questionFileName } from '../../../server/questions/question-file-writer.js'
import { loadQuestionBank } from '../../../server/questions/question-bank.js'

describe('the committed question bank', () => {
  it('loads and validates every file: 15 questions, unique ids, numbers 1..15', async () => {
    const bank = await loadQuestionBank('questions')
    expect(bank.questions).toHaveLength(15)
    expect(new Set(bank.questions.map((q) => q.id)).size).toBe(15)
    expect(bank.questions.map((q) => q.number)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1))
  })

  it('names every file NN-<id>.md after the question it holds', async () => {
    const bank = await loadQuestionBank('questions')
    const files = (await readdir('questions')).filter((f) => f.endsWith('.md')).sort()
    expect(files).toEqual(bank.questions.map(questionFileName))
  })

  it('filters by difficulty, role, level, company and free text', async () => {
    const bank = await loadQuestionBank('questions')
    expect(bank.list({ difficulty: 'Medium' }).map((q) => q.id)).toEqual(['the-regret-retrospective'])
    expect(bank.list({ company: 'paypal' }).map((q) => q.id)).toEqual(['the-payment-race-condition'])
    expect(bank.list({ q: 'GraphQL' }).map((q) => q.id)).toContain('the-graphql-n-1-mystery')
    expect(bank.get('the-payment-race-condition')?.number).toBe(4)
    expect(bank.get('no-such-question')).toBeUndefined()
  })
})
