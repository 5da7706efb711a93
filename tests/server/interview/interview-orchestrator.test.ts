import { describe, expect, it } from 'vitest'
import { createCoverageTracker } from '../../../server/interview/coverage-tracker.js'
import type { OutboundMessage } from '../../../server/interview/interview-messages.js'
import { createInterviewOrchestrator } from '../../../server/interview/interview-orchestrator.js'
import type {
  InterviewerEngine,
  InterviewerTurnStream,
} from '../../../server/interview/interviewer-engine.js'
import { createOfflineInterviewer } from '../../../server/interview/offline-interviewer.js'
import { LlmError } from '../../../server/llm/llm-client.js'
import { QuestionBank } from '../../../server/questions/question-bank.js'
import type { Session } from '../../../server/sessions/session-schema.js'
import { MemorySessionStore } from '../../../server/sessions/memory-session-store.js'
import type { SessionStore } from '../../../server/sessions/session-store.js'
import { createTextAnalyzer } from '../../../server/text/index.js'
import { makeSession } from '../../support/session-fixtures.js'
import { createCounterIds, createTestClock } from '../../support/test-deps.js'
import { loadTimeBombQuestion } from './fixtures/load-question.js'

const question = loadTimeBombQuestion()
const ANSWER = 'I assume 10k notifications per second and a team of five engineers.'

/**
 * An engine whose call number `gateCall` (0-based) waits for `release()` or an abort after its
 * first delta, to hold that turn open; its other calls stream straight through.
 */
function createGatedEngine(
  gateCall = 0,
): InterviewerEngine & { release: () => void; started: Promise<void> } {
  let calls = 0
  let release = () => {}
  let markStarted = () => {}
  const started = new Promise<void>((r) => (markStarted = r))
  const gate = new Promise<void>((r) => (release = r))
  return {
    provider: 'gated',
    model: 'gated-1',
    started,
    release: () => release(),
    async *nextTurn(_ctx, signal): InterviewerTurnStream {
      const gated = calls++ === gateCall
      yield 'First part. '
      if (gated) markStarted()
      if (gated) await Promise.race([gate, new Promise((r) => signal.addEventListener('abort', r))])
      if (signal.aborted) throw new LlmError('aborted', 'aborted', false)
      yield 'Second part?'
      return {
        kind: 'follow-up',
        target: 'step:2',
        hiddenNotes: 'gated',
        usage: null,
        provider: 'gated',
        model: 'gated-1',
        leaksCaught: 0,
      }
    },
  }
}

function failingEngine(): InterviewerEngine {
  return {
    provider: 'openai',
    model: 'gpt-x',
    async *nextTurn(): InterviewerTurnStream {
      yield 'Half a sentence '
      throw new LlmError('rate_limited', 'Rate limited after 3 retries', true)
    },
  }
}

async function setup(options: { engine?: InterviewerEngine; session?: Partial<Session> } = {}) {
  const testClock = createTestClock('2026-01-01T00:00:00.000Z')
  const events: string[] = []
  const store: SessionStore = new MemorySessionStore()
  // Records the order of writes and announcements.
  const recorded: SessionStore = Object.assign(Object.create(store) as SessionStore, {
    appendTurn: async (turn: Parameters<SessionStore['appendTurn']>[0]) => {
      const result = await store.appendTurn(turn)
      events.push(`stored:${result.turn.role}:${result.status}`)
      return result
    },
  })
  const analyzer = createTextAnalyzer()
  const coverage = createCoverageTracker({ questions: [question], analyzer })
  const offline = createOfflineInterviewer({ analyzer, profileOf: coverage.profile, fullAt: 0.5 })
  const messages: OutboundMessage[] = []
  const orchestrator = createInterviewOrchestrator({
    store: recorded,
    bank: new QuestionBank([question]),
    engine: options.engine ?? offline,
    fallback: offline,
    coverage,
    clock: testClock.now,
    newId: createCounterIds('t'),
    publish: (_id, m) => {
      messages.push(m)
      events.push(m.type === 'turn-start' ? `announced:${m.turn.role}` : m.type)
    },
  })
  const session = makeSession({
    questionId: question.id,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...options.session,
  })
  await store.createSession(session)
  const direct: OutboundMessage[] = []
  const send = (command: Parameters<typeof orchestrator.handle>[1]) =>
    orchestrator.handle(session.id, command, (m) => direct.push(m))
  return { store, orchestrator, session, messages, direct, events, send, testClock }
}

describe('interview orchestrator', () => {
  it('opens, then stores each answer before acknowledging it and streams one follow-up', async () => {
    const { orchestrator, session, messages, events, send, store } = await setup()
    await orchestrator.resumePending(session.id)
    await orchestrator.idle(session.id)
    expect(messages.map((m) => m.type).at(0)).toBe('turn-start')
    expect(messages.at(-1)).toMatchObject({ type: 'turn-end', turn: { kind: 'question' } })

    events.length = 0
    expect(await send({ type: 'answer', clientId: 'a1', text: ANSWER })).toEqual({ ok: true })
    await orchestrator.idle(session.id)
    expect(events.slice(0, 4)).toEqual([
      'stored:candidate:appended',
      'announced:candidate',
      'stored:interviewer:appended',
      'announced:interviewer',
    ])
    expect(events.at(-1)).toBe('turn-end')
    const stored = (await store.getSession(session.id))!.turns
    expect(stored.map((t) => t.kind)).toEqual(['question', 'answer', 'follow-up'])
    expect(stored[2]!.hiddenNotes).toMatch(/^Probing step:/)
  })

  it('refuses a second answer while a turn streams, but echoes a retried one', async () => {
    // Call 0 is the opening; call 1, the reply to the first answer, is held open.
    const gated = createGatedEngine(1)
    const { orchestrator, session, send, direct, store } = await setup({ engine: gated })
    await orchestrator.resumePending(session.id)
    await orchestrator.idle(session.id)

    await send({ type: 'answer', clientId: 'a1', text: ANSWER })
    await gated.started
    expect(orchestrator.isBusy(session.id)).toBe(true)
    expect(await send({ type: 'answer', clientId: 'a2', text: 'Another answer' })).toEqual({
      ok: false,
      code: 'conflict:turn_in_progress',
      message: expect.any(String),
    })
    expect(await send({ type: 'answer', clientId: 'a1', text: ANSWER })).toEqual({ ok: true })
    expect(direct).toMatchObject([
      { type: 'turn-start', turn: { clientId: 'a1', role: 'candidate' } },
    ])
    gated.release()
    await orchestrator.idle(session.id)
    const turns = (await store.getSession(session.id))!.turns
    expect(turns.filter((t) => t.role === 'candidate').map((t) => t.clientId)).toEqual(['a1'])
    expect(turns.at(-1)).toMatchObject({
      text: 'First part. Second part?',
      target: 'step:2',
      provider: 'gated',
    })
  })

  it('turns a provider failure into a notice and a turn the offline engine finishes', async () => {
    const { orchestrator, session, send, messages, store } = await setup({
      engine: failingEngine(),
    })
    await send({ type: 'answer', clientId: 'a1', text: ANSWER })
    await orchestrator.idle(session.id)
    const notice = messages.find((m) => m.type === 'notice')
    expect(notice).toMatchObject({ level: 'warning', code: 'provider:rate_limited' })
    const end = messages.at(-1)
    expect(end?.type).toBe('turn-end')
    const turn = (await store.getSession(session.id))!.turns.at(-1)!
    expect(turn.completedAt).not.toBeNull()
    expect(turn.text.startsWith('Half a sentence \n\n')).toBe(true)
    expect(turn.text.length).toBeGreaterThan('Half a sentence '.length + 20)
    expect(turn).toMatchObject({ provider: 'offline', target: expect.stringMatching(/^step:/) })
    expect(turn.hiddenNotes).toContain('Provider failed (rate_limited)')
    // The deltas the sockets saw add up to the stored text.
    const deltas = messages
      .filter((m) => m.type === 'token-delta')
      .map((m) => (m as { text: string }).text)
    expect(deltas.join('')).toBe(turn.text)
  })

  it('aborts the turn in flight and keeps what was streamed', async () => {
    const engine = createGatedEngine()
    const { orchestrator, session, send, store, messages } = await setup({ engine })
    await send({ type: 'answer', clientId: 'a1', text: ANSWER })
    await engine.started
    orchestrator.abort(session.id)
    await orchestrator.idle(session.id)
    const turn = (await store.getSession(session.id))!.turns.at(-1)!
    expect(turn).toMatchObject({ role: 'interviewer', text: 'First part. ' })
    expect(turn.completedAt).not.toBeNull()
    expect(turn.hiddenNotes).toContain('Interrupted')
    expect(messages.at(-1)).toMatchObject({
      type: 'turn-end',
      turn: { id: turn.id, hiddenNotes: null },
    })
    expect(orchestrator.isBusy(session.id)).toBe(false)
  })

  it('ends on the candidate: aborts the streaming turn, closes, and refuses later answers', async () => {
    const engine = createGatedEngine()
    const { orchestrator, session, send, store, messages } = await setup({ engine })
    await send({ type: 'answer', clientId: 'a1', text: ANSWER })
    await engine.started
    // The end aborts the held turn; the closing (call 1) streams straight through.
    expect(await send({ type: 'end' })).toEqual({ ok: true })
    await orchestrator.idle(session.id)
    expect(messages.at(-1)).toEqual({ type: 'session-ended', reason: 'candidate' })
    const stored = (await store.getSession(session.id))!
    expect(stored.status).toBe('ended')
    expect(stored.turns.map((t) => `${t.kind}:${t.text}`)).toEqual([
      `answer:${ANSWER}`,
      'follow-up:First part. ',
      'closing:First part. Second part?',
    ])
    expect((await send({ type: 'answer', clientId: 'a9', text: 'late' })).ok).toBe(false)
    expect((await send({ type: 'end' })).ok).toBe(false)
  })

  it('closes when the follow-up budget is spent', async () => {
    const { orchestrator, session, send, messages, store } = await setup({
      session: { options: { followUpBudget: 2, timeLimitMinutes: 45 } },
    })
    for (const [i, text] of [
      'First answer about costs.',
      'Second about metrics.',
      'Third.',
    ].entries()) {
      await send({ type: 'answer', clientId: `a${i}`, text })
      await orchestrator.idle(session.id)
    }
    const kinds = (await store.getSession(session.id))!.turns.map((t) => `${t.role}:${t.kind}`)
    expect(kinds).toEqual([
      'candidate:answer',
      'interviewer:follow-up',
      'candidate:answer',
      'interviewer:follow-up',
      'candidate:answer',
      'interviewer:closing',
    ])
    expect(messages.at(-1)).toEqual({ type: 'session-ended', reason: 'budget' })
  })

  it('closes when the time is up, keeping the late answer', async () => {
    const { orchestrator, session, send, messages, store, testClock } = await setup({
      session: { options: { followUpBudget: 5, timeLimitMinutes: 10 } },
    })
    testClock.advance(11 * 60_000)
    await send({ type: 'answer', clientId: 'late', text: ANSWER })
    await orchestrator.idle(session.id)
    const turns = (await store.getSession(session.id))!.turns
    expect(turns.map((t) => t.kind)).toEqual(['answer', 'closing'])
    expect(messages.at(-1)).toEqual({ type: 'session-ended', reason: 'time' })
  })

  it('ends an idle session whose clock ran out', async () => {
    const { orchestrator, session, messages, testClock } = await setup({
      session: { options: { followUpBudget: 5, timeLimitMinutes: 10 } },
    })
    await orchestrator.checkDeadline(session.id)
    expect(messages).toEqual([])
    testClock.advance(10 * 60_000)
    await orchestrator.checkDeadline(session.id)
    await orchestrator.idle(session.id)
    expect(messages.at(-1)).toEqual({ type: 'session-ended', reason: 'time' })
  })

  it('after a crash, answers a stored but unanswered answer and re-streams a cut-off turn', async () => {
    const { orchestrator, session, store, messages } = await setup()
    const base = {
      sessionId: session.id,
      createdAt: session.createdAt,
      target: null,
      hiddenNotes: null,
      provider: null,
      model: null,
      usage: null,
      leaksCaught: 0,
    }
    await store.appendTurn({
      ...base,
      id: 'c1',
      role: 'candidate',
      kind: 'answer',
      text: ANSWER,
      clientId: 'a1',
      completedAt: session.createdAt,
    })
    await orchestrator.resumePending(session.id)
    await orchestrator.idle(session.id)
    let turns = (await store.getSession(session.id))!.turns
    expect(turns.map((t) => t.kind)).toEqual(['answer', 'follow-up'])

    await store.appendTurn({
      ...base,
      id: 'c2',
      role: 'candidate',
      kind: 'answer',
      text: 'More.',
      clientId: 'a2',
      completedAt: session.createdAt,
    })
    await store.appendTurn({
      ...base,
      id: 'cut',
      role: 'interviewer',
      kind: 'follow-up',
      text: '',
      clientId: null,
      completedAt: null,
    })
    messages.length = 0
    await orchestrator.resumePending(session.id)
    await orchestrator.idle(session.id)
    turns = (await store.getSession(session.id))!.turns
    expect(turns.map((t) => t.id)).toEqual([turns[0]!.id, turns[1]!.id, 'c2', 'cut'])
    expect(turns.at(-1)!.completedAt).not.toBeNull()
    expect(turns.at(-1)!.text.length).toBeGreaterThan(10)
    expect(messages[0]).toMatchObject({ type: 'turn-start', turn: { id: 'cut' } })
  })
})
