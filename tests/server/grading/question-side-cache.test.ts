import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createGradingAnalyzer } from '../../../server/grading/answer-coverage.js'
import { createOfflineGrader } from '../../../server/grading/offline-grader.js'
import { createQuestionSideCache } from '../../../server/grading/question-side-cache.js'
import { measureTopicality } from '../../../server/grading/topicality.js'
import type { Question } from '../../../server/questions/question-schema.js'
import { loadQuestionBank } from '../../../server/questions/question-bank.js'
import { readFixture, repoRoot } from './grading-support.js'

describe('createQuestionSideCache', () => {
  it('builds once per analyzer and key, and forgets the oldest past its size', () => {
    const cache = createQuestionSideCache<string>(2)
    const a = createGradingAnalyzer(undefined)
    const b = createGradingAnalyzer(undefined)
    const built: string[] = []
    const get = (analyzer: typeof a, key: string) =>
      cache(analyzer, key, () => {
        built.push(key)
        return key.toUpperCase()
      })
    expect(get(a, 'x')).toBe('X')
    expect(get(a, 'x')).toBe('X')
    expect(get(b, 'x')).toBe('X')
    expect(built).toEqual(['x', 'x'])
    get(a, 'y')
    get(a, 'z')
    get(a, 'x')
    expect(built).toEqual(['x', 'x', 'y', 'z', 'x'])
  })
})

// Lexical similarity (no word vectors) keeps this fast; the caches are the same with vectors.
describe('a grader that has graded a question, given the question edited under the same id', () => {
  let question: Question
  beforeAll(async () => {
    const bank = await loadQuestionBank(join(repoRoot, 'questions'))
    question = bank.get('the-graphql-n-1-mystery')!
  })
  const graderOf = () =>
    createOfflineGrader({
      analyzer: createGradingAnalyzer(undefined),
      now: () => new Date('2026-01-01T00:00:00Z'),
    })

  it('grades as a fresh grader does, not from what it kept of the old question', () => {
    const transcript = readFixture(question.id, 'good')
    // The model answer, framework and scenario are what the per-question caches are built from.
    const edited: Question = {
      ...question,
      scenario: `${question.scenario} The team also runs a Redis cache in front of the resolvers.`,
      modelAnswer: question.modelAnswer.split('\n').slice(0, 12).join('\n'),
      framework: {
        ...question.framework,
        steps: question.framework.steps.map((s, i) =>
          i === 0
            ? { ...s, description: 'Check the resolver batching with DataLoader per request' }
            : s,
        ),
      },
    }
    const used = graderOf()
    const before = used.grade(question, transcript)
    const after = used.grade(edited, transcript)
    expect(after).toEqual(graderOf().grade(edited, transcript))
    // The edit does change the grade, so a stale cache would show.
    expect(JSON.stringify(after)).not.toBe(JSON.stringify(before))
    expect(after.criteria.map((c) => c.missing)).not.toEqual(before.criteria.map((c) => c.missing))
  })

  it('measures topicality against the edited question', () => {
    const analyzer = createGradingAnalyzer(undefined)
    const text = 'We cache the resolvers in Redis and batch the loads with DataLoader.'
    const before = measureTopicality(analyzer, question, text)
    const edited = { ...question, modelAnswer: 'Redis.', scenario: 'Slow pages.', requirements: [] }
    const after = measureTopicality(analyzer, edited, text)
    expect(after).toBe(measureTopicality(createGradingAnalyzer(undefined), edited, text))
    expect(after).not.toBe(before)
  })
})
