import { describe, expect, it } from 'vitest'
import type { CandidateMove } from '../../../bench/interviewer/candidate-kinds.js'
import { explainFlagged } from '../../../bench/interviewer/explain-flagged.js'
import type { Exchange } from '../../../bench/interviewer/run-interview.js'
import { createStemCoverageTracker } from '../../../server/interview/stem-coverage-tracker.js'
import type { Turn } from '../../../server/sessions/session-schema.js'
import { loadTimeBombQuestion } from '../../server/interview/fixtures/load-question.js'

const question = loadTimeBombQuestion()
const tracker = createStemCoverageTracker([question])
let n = 0
function reply(kind: Turn['kind'], text: string, target: string | null = null): Turn {
  return {
    id: `t${++n}`,
    sessionId: 's',
    seq: n,
    role: 'interviewer',
    kind,
    text,
    clientId: null,
    target,
    hiddenNotes: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    completedAt: '2026-01-01T00:00:00.000Z',
    provider: 'offline',
    model: 'sparring-offline-1',
    usage: null,
    leaksCaught: 0,
  }
}
const answer = (text: string, covers: number[]): CandidateMove => ({
  type: 'answer',
  text,
  covers,
  form: 'step',
})
const explain = (exchanges: Exchange[]) =>
  explainFlagged(question, { questionId: question.id, exchanges, endedBy: 'candidate' }, tracker)
const opening: Exchange = { move: null, reply: reply('question', 'Where would you start?') }
const twoSteps = answer(
  'I assume 50 million users and a team new to Kafka. Before committing I would build a thin prototype and load test it at three times peak.',
  [1, 2],
)

describe('explainFlagged', () => {
  it('shows, for a follow-up at a covered step, the answers before it with each sentence scored by step', async () => {
    const lines = await explain([
      opening,
      { move: twoSteps, reply: reply('follow-up', 'How would you prototype it?', 'step:2') },
    ])
    const text = lines.join('\n')
    expect(lines[0]).toBe('asked about covered step 2 (no probe): How would you prototype it?')
    expect(text).toContain('answer (step, labelled 1, 2)')
    // One score a framework step (six here) for each of the two sentences.
    const scored = text.split('\n').filter((l) => / \| /.test(l))
    expect(scored).toHaveLength(2)
    for (const line of scored) expect(line.split(' | ')[0]!.trim().split(' ')).toHaveLength(6)
    expect(text).toMatch(/map by step: 1 \d\.\d\d, 2 \d\.\d\d.*; answer topics: /)
  })

  it('says nothing about follow-ups at steps the labels had not covered', async () => {
    const lines = await explain([
      opening,
      { move: twoSteps, reply: reply('follow-up', 'What would you watch?', 'step:3') },
    ])
    expect(lines).toEqual([])
  })
})
