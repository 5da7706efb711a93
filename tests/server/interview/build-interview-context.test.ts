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

describe('buildInterviewContext, replies that go through several steps', () => {
  const interviewer = (id: string, kind: Turn['kind'], target: string | null): Turn =>
    ({ ...makeTurn({ id, role: 'interviewer', kind, text: 'So?', target }), seq: 1 }) as Turn
  const FIRST = 'I would write down the load, the team and the budget before anything else.'
  const SECOND = 'Then I would prototype the riskiest path for two weeks and measure it under load.'
  // A tracker whose best step for a text is the step its first sentence names, the reply's the first.
  const tracker = (asked: Array<{ answer: string; minScore: number | undefined }>) => ({
    ...recordingTracker([]),
    topicOf: (_q: unknown, answer: string, minScore?: number) => {
      asked.push({ answer, minScore })
      return answer.startsWith('Then') ? 'step:2' : 'step:1'
    },
  })

  it('gives each sentence of a reply to an open question its own topic, from the touched level', async () => {
    const asked: Array<{ answer: string; minScore: number | undefined }> = []
    const turns = [interviewer('t1', 'follow-up', null), turn('t2', `${FIRST} ${SECOND}`)]
    const ctx = await buildInterviewContext(
      { bank: new QuestionBank([question]), coverage: tracker(asked) as CoverageTracker },
      { ...makeSession({ questionId: question.id }), turns },
      { type: 'answer', turn: turns[1]! },
    )
    // The reply's best step is the first sentence's; the second sentence's step counts too.
    expect(ctx.answerTopics).toContain('step:2')
    const touched = touchedAt(DEFAULT_COVERAGE_TUNING.full)
    // (Then each sentence again, for its best step not yet dealt with: the next test.)
    expect(asked.slice(0, 3)).toEqual([
      { answer: `${FIRST} ${SECOND}`, minScore: touched },
      { answer: FIRST, minScore: touched },
      { answer: SECOND, minScore: touched },
    ])
  })

  // A candidate asked about step 3 who answers it and goes on to step 4 in the same reply: the
  // reply is credited to step 3; the map, seeing words only, scores the second sentence higher on
  // step 3 than on step 4 (their words overlap). Alone it would count for nothing (0.15 is below
  // the touched level); after a sentence on step 3 it goes on to step 4 (reply-steps.ts).
  const goingOn = (second: Record<string, number>) => {
    const scores: Record<string, Record<string, number>> = {
      [FIRST]: { 'step:3': 0.6 },
      [SECOND]: second,
    }
    return {
      ...recordingTracker([]),
      snapshot: (_q: unknown, answers: readonly string[]) => ({
        map: {
          steps: question.framework.steps.map((s) => ({
            id: `step:${s.number}`,
            label: s.name,
            score: answers.length === 1 ? (scores[answers[0]!]?.[`step:${s.number}`] ?? 0.02) : 0,
            level: 'none' as const,
            evidence: null,
          })),
          criteria: [],
          concepts: [],
        },
        focus: null,
      }),
      topicOf: (_q: unknown, answer: string) => (answer === OPENING_REPLY ? 'step:1' : 'step:3'),
    } as unknown as CoverageTracker
  }
  const OPENING_REPLY = 'I would write down the load, the team and the budget first, then decide.'
  const askedStep3 = [
    interviewer('t1', 'question', null),
    turn('t2', OPENING_REPLY),
    interviewer('t3', 'follow-up', 'step:3'),
    turn('t4', `${FIRST} ${SECOND}`),
  ]
  const topicsWith = async (second: Record<string, number>) =>
    (
      await buildInterviewContext(
        { bank: new QuestionBank([question]), coverage: goingOn(second) },
        { ...makeSession({ questionId: question.id }), turns: askedStep3 },
        { type: 'answer', turn: askedStep3[3]! },
      )
    ).answerTopics

  it('gives a sentence after one on the step asked about the next step, though the map scores it higher on the step asked', async () => {
    expect(await topicsWith({ 'step:3': 0.45, 'step:4': 0.15 })).toEqual([
      'step:1',
      'step:3',
      'step:4',
    ])
  })

  it('gives nothing more to a second sentence that says more about the step asked about', async () => {
    // The sentence rule alone would take step 4 here (0.45: touched, half of the best).
    expect(await topicsWith({ 'step:3': 0.9, 'step:4': 0.45 })).toEqual(['step:1', 'step:3'])
  })

  it('asks nothing more for a one-sentence reply to a question on a step', async () => {
    const asked: Array<{ answer: string; minScore: number | undefined }> = []
    const turns = [interviewer('t1', 'follow-up', 'step:3'), turn('t2', `${FIRST}`)]
    await buildInterviewContext(
      { bank: new QuestionBank([question]), coverage: tracker(asked) as CoverageTracker },
      { ...makeSession({ questionId: question.id }), turns },
      { type: 'answer', turn: turns[1]! },
    )
    expect(asked).toEqual([{ answer: FIRST, minScore: undefined }])
  })
})

describe('buildInterviewContext, the reply to the opening', () => {
  const interviewer = (
    id: string,
    kind: Turn['kind'],
    target: string | null,
    move?: 'pushback' | 'open',
  ): Turn =>
    ({
      ...makeTurn({ id, role: 'interviewer', kind, text: 'So?', target }),
      ...(move ? { probe: { target, question: 'So?', quote: null, move } } : {}),
      seq: 1,
    }) as Turn
  const OPENING =
    'My suspects, most likely first: the working set no longer fits in memory, pool starvation and a different query plan.'

  /** A tracker whose maps score the first step `firstStep` for the opening reply, else 0. */
  const tracker = (firstStep: number, seen: string[][] = []): CoverageTracker => ({
    ...recordingTracker([]),
    snapshot: (q, answers) => {
      seen.push([...answers])
      const steps = q.framework.steps.map((s, i) => ({
        id: `step:${s.number}`,
        label: s.name,
        score: i === 0 && answers.length === 1 && answers[0] === OPENING ? firstStep : 0,
        level: 'none' as const,
        evidence: null,
      }))
      return { map: { steps, criteria: [], concepts: [] }, focus: null }
    },
    // The map's best step for the opening reply is another one.
    topicOf: (_q, answer) => (answer === OPENING ? 'step:4' : null),
  })
  const contextOf = (turns: Turn[], coverage: CoverageTracker) =>
    buildInterviewContext(
      { bank: new QuestionBank([question]), coverage },
      { ...makeSession({ questionId: question.id }), turns },
      { type: 'answer', turn: turns.at(-1)! },
    )
  const touched = touchedAt(DEFAULT_COVERAGE_TUNING.full)

  // The reply to the opening counts toward the framework's start as a reply to a follow-up on X
  // counts toward X: the map, which sees words only, scored such starts on a neighbour and the
  // first follow-up asked for the start again.
  it('counts the first step for a substantive opening reply, though the map scores it 0', async () => {
    const turns = [interviewer('t1', 'question', null), turn('t2', OPENING)]
    expect((await contextOf(turns, tracker(0))).answerTopics).toEqual(['step:4', 'step:1'])
  })

  it('does not count a thin or evasive opening reply toward the first step', async () => {
    const thin = [interviewer('t1', 'question', null), turn('t2', 'Not sure, maybe caching?')]
    expect((await contextOf(thin, tracker(touched))).answerTopics).not.toContain('step:1')
  })

  it('looks through a keyword list, its pushback and a redirect, but not past a follow-up', async () => {
    const afterPushback = [
      interviewer('t1', 'question', null),
      turn('t2', 'Working set, pool, plan, locks, disks.'),
      interviewer('t3', 'follow-up', null, 'pushback'),
      turn('t4', 'Just tell me the answer.'),
      interviewer('t5', 'redirect', null),
      turn('t6', OPENING),
    ]
    expect((await contextOf(afterPushback, tracker(touched))).answerTopics).toContain('step:1')
    // A thin reply to the opening, then the start given in reply to a follow-up on step 2.
    const afterFollowUp = [
      interviewer('t1', 'question', null),
      turn('t2', 'Not sure yet.'),
      interviewer('t3', 'follow-up', 'step:2', 'open'),
      turn('t4', OPENING),
    ]
    expect((await contextOf(afterFollowUp, tracker(touched))).answerTopics).not.toContain('step:1')
  })

  it('does not apply to a drill, whose opening aims at its focus', async () => {
    const turns = [interviewer('t1', 'question', 'step:3'), turn('t2', OPENING)]
    expect((await contextOf(turns, tracker(touched))).answerTopics).not.toContain('step:1')
  })
})

describe('buildInterviewContext, a source that computes the whole coverage at once', () => {
  it('asks it once, with the answers, the focus and the replies, and uses what it gives', async () => {
    const turns = [
      {
        ...makeTurn({ id: 't1', role: 'interviewer', kind: 'question', text: 'So?' }),
        seq: 1,
      } as Turn,
      turn(
        't2',
        'I would write down the load, the team and the budget first. Then I would prototype.',
      ),
    ]
    const asked: unknown[] = []
    const coverage = {
      ...recordingTracker([]),
      snapshot: () => {
        throw new Error('not called one by one')
      },
      interview: async (_q: unknown, request: unknown) => {
        asked.push(request)
        const map = { steps: [], criteria: [], concepts: [] }
        return { coverage: { map, focus: null }, latest: null, answerTopics: ['step:3'] }
      },
    }
    const ctx = await buildInterviewContext(
      { bank: new QuestionBank([question]), coverage },
      { ...makeSession({ questionId: question.id }), turns },
      { type: 'answer', turn: turns[1]! },
    )
    expect(ctx.answerTopics).toEqual(['step:3'])
    expect(asked).toEqual([
      {
        answers: [turns[1]!.text],
        focus: null,
        latestAnswer: null,
        replies: [{ text: turns[1]!.text, open: true, opening: true, target: null }],
      },
    ])
  })
})
