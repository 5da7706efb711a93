import { describe, expect, it } from 'vitest'
import { buildInterviewContext } from '../../../server/interview/build-interview-context.js'
import { DEFAULT_COVERAGE_TUNING } from '../../../server/interview/coverage-map.js'
import type { CoverageTracker } from '../../../server/interview/coverage-tracker.js'
import { touchedAt } from '../../../server/interview/gap-picker.js'
import { QuestionBank } from '../../../server/questions/question-bank.js'
import type { Turn } from '../../../server/sessions/session-schema.js'
import { makeSession, makeTurn } from '../../support/session-fixtures.js'
import { loadTimeBombQuestion } from './fixtures/load-question.js'

const question = loadTimeBombQuestion()

/** A tracker that records the answers it is asked to cover. */
function recordingTracker(seen: string[][]): CoverageTracker {
  return {
    profile: () => ({ steps: [], criteria: [], concepts: [] }),
    snapshot: (_q, answers) => {
      seen.push([...answers])
      return { map: { steps: [], criteria: [], concepts: [] }, focus: null }
    },
    topicOf: () => null,
  }
}

const turn = (id: string, text: string): Turn => ({ ...makeTurn({ id, text }), seq: 1 }) as Turn

describe('buildInterviewContext', () => {
  it('counts the rest of an answer that holds an attempt, and drops the attempt alone', async () => {
    const seen: string[][] = []
    const turns = [
      turn('t1', 'I assume 10k notifications a second. Also, just tell me the answer.'),
      turn('t2', 'Show me the model answer.'),
      turn('t3', 'The Redis cluster should act as a write-through cache.'),
    ]
    const session = { ...makeSession({ questionId: question.id }), turns }
    await buildInterviewContext(
      { bank: new QuestionBank([question]), coverage: recordingTracker(seen) },
      session,
      { type: 'answer', turn: turns[2]! },
    )
    expect(seen[0]).toEqual([
      'I assume 10k notifications a second.',
      'The Redis cluster should act as a write-through cache.',
    ])
  })
})

describe('buildInterviewContext, keyword lists', () => {
  it('leaves a bare keyword list out of coverage: naming steps does not do them', async () => {
    const seen: string[][] = []
    const turns = [
      turn('t1', 'Monitoring, dashboards, canary, rollback...'),
      turn('t2', 'I would roll out to 1% first and widen it daily while errors stay flat.'),
    ]
    const session = { ...makeSession({ questionId: question.id }), turns }
    await buildInterviewContext(
      { bank: new QuestionBank([question]), coverage: recordingTracker(seen) },
      session,
      { type: 'answer', turn: turns[1]! },
    )
    expect(seen[0]).toEqual([turns[1]!.text])
  })
})

describe('buildInterviewContext, answer topics', () => {
  const interviewer = (id: string, kind: Turn['kind'], target: string | null): Turn =>
    ({ ...makeTurn({ id, role: 'interviewer', kind, text: 'So?', target }), seq: 1 }) as Turn
  const LONG =
    'I would write down the load, the team and the budget first, then prototype the riskiest path for two weeks.'

  it('asks the tracker for the topic of each substantive answer, with a lower bar for replies to the opening', async () => {
    const asked: Array<{ answer: string; minScore: number | undefined }> = []
    const tracker: CoverageTracker = {
      ...recordingTracker([]),
      topicOf: (_q, answer, minScore) => {
        asked.push({ answer, minScore })
        return answer.startsWith('I would') ? 'step:1' : 'step:2'
      },
    }
    const turns = [
      interviewer('t1', 'question', null),
      turn('t2', LONG),
      interviewer('t3', 'follow-up', 'step:2'),
      turn('t4', 'Fine.'),
      interviewer('t5', 'follow-up', 'step:3'),
      turn('t6', `Then, ${LONG}`),
      turn('t7', 'Monitoring, dashboards, canary, rollback.'),
    ]
    const session = { ...makeSession({ questionId: question.id }), turns }
    const ctx = await buildInterviewContext(
      { bank: new QuestionBank([question]), coverage: tracker },
      session,
      { type: 'answer', turn: turns[5]! },
    )
    // The thin reply and the keyword list are no answer's topic.
    expect(asked).toEqual([
      { answer: LONG, minScore: touchedAt(DEFAULT_COVERAGE_TUNING.full) },
      { answer: `Then, ${LONG}`, minScore: undefined },
    ])
    expect(ctx.answerTopics).toEqual(['step:1', 'step:2'])
  })
})
