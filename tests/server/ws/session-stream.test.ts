import { afterEach, describe, expect, it } from 'vitest'
import { createCoverageTracker } from '../../../server/interview/coverage-tracker.js'
import type { ServerMessage } from '../../../server/protocol/interview-protocol.js'
import type { Turn } from '../../../server/sessions/session-schema.js'
import { QuestionBank } from '../../../server/questions/question-bank.js'
import { createTextAnalyzer } from '../../../server/text/index.js'
import { createTestDeps } from '../../support/test-deps.js'
import { loadTimeBombQuestion } from '../interview/fixtures/load-question.js'
import { createHttpBrowser, openSocket, startServer } from './support/ws-harness.js'
import { streamedText } from '../../support/streamed-text.js'

const question = loadTimeBombQuestion()
const ANSWERS = [
  'I would pick the monolith first because the team is small. I assume about 10k notifications per second at peak and a team of five engineers.',
  'Hidden costs: the operational overhead of running microservices, the hiring constraints of a rare stack, and the cognitive load on a small team.',
  'I would define leading indicators and early warning metrics like deploy failure rate, with thresholds.',
  'If it proves wrong, the fallback strategy is a migration path: peel modules off into services.',
]

let stops: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(stops.map((stop) => stop()))
  stops = []
})

async function setup() {
  const deps = createTestDeps({ bank: new QuestionBank([question]) })
  const server = await startServer(deps)
  stops.push(server.stop)
  const browser = createHttpBrowser(server.port)
  return { deps, server, browser }
}

type TurnMessage = Extract<ServerMessage, { type: 'turn-end' }>

describe('GET /api/sessions/:id/stream', () => {
  it('runs a whole mock interview: opening, follow-ups at uncovered steps, closing', async () => {
    const { deps, server, browser } = await setup()
    const id = await browser.startSession({
      questionId: question.id,
      mode: 'mock',
      options: { followUpBudget: 3 },
    })
    const socket = await openSocket(server.port, `/api/sessions/${id}/stream`, browser.cookie())
    const state = await socket.waitFor('session-state')
    expect(state.provider).toEqual({ provider: 'offline', model: 'sparring-offline-1' })
    expect(state.turns).toEqual([])
    const opening = await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
    expect(opening.turn.text).toContain(question.prompt)

    // The same analyzer as the app's default, to check each target against the coverage.
    const tracker = createCoverageTracker({ questions: [question], analyzer: createTextAnalyzer() })
    const followUps: TurnMessage[] = []
    for (const [i, text] of ANSWERS.slice(0, 3).entries()) {
      const from = socket.messages.length
      socket.send({ type: 'answer', clientId: `answer-${i}`, text })
      const ack = await socket.waitFor('turn-start', (m) => m.turn.clientId === `answer-${i}`, from)
      expect(ack.turn).toMatchObject({ role: 'candidate', kind: 'answer', text })
      const reply = await socket.waitFor('turn-end', (m) => m.turn.role === 'interviewer', from)
      expect(reply.turn.kind).toBe('follow-up')
      const coverage = tracker.snapshot(question, ANSWERS.slice(0, i + 1), null).map
      const target = coverage.steps.find((s) => s.id === reply.turn.target)
      expect(target, `turn ${i} targets ${reply.turn.target}`).toBeDefined()
      expect(target!.level).toBe('none')
      expect(reply.turn.hiddenNotes).toBeNull()
      expect(reply.progress.followUpsAsked).toBe(i + 1)
      followUps.push(reply)
    }
    const targets = followUps.map((f) => f.turn.target)
    for (let i = 1; i < targets.length; i++) expect(targets[i]).not.toBe(targets[i - 1])

    const from = socket.messages.length
    socket.send({ type: 'answer', clientId: 'answer-3', text: ANSWERS[3] })
    const closing = await socket.waitFor('turn-end', (m) => m.turn.kind === 'closing', from)
    expect(closing.turn.text).toMatch(/questions|list/)
    expect((await socket.waitFor('session-ended', undefined, from)).reason).toBe('budget')

    // Every seq is unique and increasing on this socket.
    const seqs = socket.messages.map((m) => m.seq)
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs)
    expect(new Set(seqs).size).toBe(seqs.length)

    const stored = await deps.store.getSession(id)
    expect(stored!.status).toBe('ended')
    expect(stored!.turns.map((t) => `${t.role}:${t.kind}`)).toEqual([
      'interviewer:question',
      ...ANSWERS.slice(0, 3).flatMap(() => ['candidate:answer', 'interviewer:follow-up']),
      'candidate:answer',
      'interviewer:closing',
    ])
    for (const t of stored!.turns.filter((t) => t.role === 'interviewer')) {
      expect(t).toMatchObject({ provider: 'offline', model: 'sparring-offline-1', leaksCaught: 0 })
      expect(t.completedAt).not.toBeNull()
    }
    // The grader's notes were stored, though never sent during the interview.
    expect(stored!.turns.filter((t) => t.kind === 'follow-up').every((t) => t.hiddenNotes)).toBe(
      true,
    )

    // After the end, answers are refused with a code and the socket stays usable.
    socket.send({ type: 'answer', clientId: 'late', text: 'one more thing' })
    expect(
      (await socket.waitFor('error', (m) => m.code === 'conflict:session_ended')).message,
    ).toBeTruthy()
    socket.send({ type: 'ping', nonce: 'still-there' })
    expect((await socket.waitFor('pong')).nonce).toBe('still-there')
  })

  it('stores a retried answer once and returns the stored turn', async () => {
    const { deps, server, browser } = await setup()
    const id = await browser.startSession({ questionId: question.id, mode: 'mock' })
    const socket = await openSocket(server.port, `/api/sessions/${id}/stream`, browser.cookie())
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
    socket.send({ type: 'answer', clientId: 'same', text: ANSWERS[0] })
    const first = await socket.waitFor('turn-start', (m) => m.turn.clientId === 'same')
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'follow-up')
    const from = socket.messages.length
    socket.send({ type: 'answer', clientId: 'same', text: ANSWERS[0] })
    const again = await socket.waitFor('turn-start', (m) => m.turn.clientId === 'same', from)
    expect(again.turn).toEqual(first.turn)
    socket.send({ type: 'ping' })
    await socket.waitFor('pong', undefined, from)
    // No second interviewer turn was started for the retry.
    expect(socket.messages.slice(from).map((m) => m.type)).toEqual(['turn-start', 'pong'])
    const stored = await deps.store.getSession(id)
    expect(stored!.turns.filter((t) => t.clientId === 'same')).toHaveLength(1)
  })

  it('answers a clarifying question without spending the budget, and skips', async () => {
    const { server, browser } = await setup()
    const id = await browser.startSession({ questionId: question.id, mode: 'mock' })
    const socket = await openSocket(server.port, `/api/sessions/${id}/stream`, browser.cookie())
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
    socket.send({ type: 'clarify', clientId: 'c1', text: 'How many users will the system have?' })
    const clarification = await socket.waitFor('turn-end', (m) => m.turn.kind === 'clarification')
    expect(clarification.turn.text).toContain('50 million users')
    expect(clarification.progress.followUpsAsked).toBe(0)
    socket.send({ type: 'skip', clientId: 's1' })
    const skipped = await socket.waitFor('turn-end', (m) => m.turn.kind === 'follow-up')
    expect(skipped.progress.followUpsAsked).toBe(1)
    socket.send({ type: 'end' })
    expect((await socket.waitFor('session-ended')).reason).toBe('candidate')
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'closing')
  })

  it('ends over REST like the socket does: the open socket hears it, the closing turn is stored', async () => {
    const { server, browser } = await setup()
    const id = await browser.startSession({ questionId: question.id, mode: 'mock' })
    const socket = await openSocket(server.port, `/api/sessions/${id}/stream`, browser.cookie())
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
    const res = await browser.post(`/api/sessions/${id}/end`)
    expect(res.status).toBe(200)
    expect(((await res.json()) as { status: string }).status).toBe('ended')
    expect((await socket.waitFor('session-ended')).reason).toBe('candidate')
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'closing')
    const stored = (await (await browser.get(`/api/sessions/${id}`)).json()) as { turns: Turn[] }
    expect(stored.turns.at(-1)?.kind).toBe('closing')
    // Ending twice is harmless.
    expect((await browser.post(`/api/sessions/${id}/end`)).status).toBe(200)
  })

  it('refuses another identity, an unknown session and a missing cookie like a 404', async () => {
    const { server, browser } = await setup()
    const id = await browser.startSession({ questionId: question.id, mode: 'mock' })
    const intruder = createHttpBrowser(server.port)
    await intruder.get('/api/health')
    expect(intruder.cookie()).not.toBe(browser.cookie())
    expect((await intruder.get(`/api/sessions/${id}`)).status).toBe(404)
    for (const [path, cookie] of [
      [`/api/sessions/${id}/stream`, intruder.cookie()],
      ['/api/sessions/no-such-session/stream', browser.cookie()],
      [`/api/sessions/${id}/stream`, ''],
    ] as const) {
      const socket = await openSocket(server.port, path, cookie)
      const closed = await socket.closed
      expect(closed.code).toBe(4404)
      expect(socket.messages).toEqual([
        { type: 'error', seq: 1, code: 'not_found:session', message: 'Session not found.' },
      ])
    }
  })

  it('resumes after a dropped socket: nothing lost, nothing repeated', async () => {
    const { deps, server, browser } = await setup()
    const id = await browser.startSession({ questionId: question.id, mode: 'mock' })
    const path = `/api/sessions/${id}/stream`
    // An observer that stays connected sees everything the session broadcasts.
    const observer = await openSocket(server.port, path, browser.cookie())
    await observer.waitFor('turn-end', (m) => m.turn.kind === 'question')
    const dropped = await openSocket(server.port, path, browser.cookie())
    const state = await dropped.waitFor('session-state')
    expect(state.turns.map((t) => t.kind)).toEqual(['question'])

    // Drop the socket as soon as the interviewer's reply starts streaming.
    const gone = new Promise<void>((resolve) =>
      dropped.ws.on('message', (data) => {
        const m = JSON.parse(String(data)) as ServerMessage
        if (m.type === 'token-delta' && dropped.ws.readyState === dropped.ws.OPEN) {
          dropped.ws.terminate()
          resolve()
        }
      }),
    )
    dropped.send({ type: 'answer', clientId: 'a1', text: ANSWERS[0] })
    await gone
    await observer.waitFor('turn-end', (m) => m.turn.kind === 'follow-up')

    // Frames already in the client's buffer may still arrive after terminate(); what counts as
    // received is everything up to the first delta, the rest was lost with the connection.
    const cut = dropped.messages.findIndex((m) => m.type === 'token-delta')
    const received = dropped.messages.slice(0, cut + 1)
    const lastSeen = received.at(-1)!.seq
    const resumed = await openSocket(server.port, `${path}?afterSeq=${lastSeen}`, browser.cookie())
    resumed.send({ type: 'ping', nonce: 'replayed' })
    await resumed.waitFor('pong', (m) => m.nonce === 'replayed')
    expect(resumed.messages.some((m) => m.type === 'session-state')).toBe(false)

    const broadcast = (ms: ServerMessage[]) =>
      ms.filter((m) => !['session-state', 'pong', 'error'].includes(m.type))
    const combined = [...broadcast(received), ...broadcast(resumed.messages)]
    const expected = broadcast(observer.messages).filter((m) => m.seq >= combined[0]!.seq)
    // The resumed socket got the rest of the reply: its deltas and its end.
    expect(broadcast(resumed.messages).map((m) => m.type)).toContain('turn-end')
    expect(combined.map((m) => m.seq)).toEqual(expected.map((m) => m.seq))
    expect(combined).toEqual(expected)

    // The deltas assemble to the stored text of the interviewer's reply.
    const end = combined.find(
      (m): m is TurnMessage => m.type === 'turn-end' && m.turn.kind === 'follow-up',
    )!
    const assembled = streamedText(combined, end.turn.id)
    const stored = (await deps.store.getSession(id))!.turns.find((t: Turn) => t.id === end.turn.id)!
    expect(assembled).toBe(end.turn.text)
    expect(stored.text).toBe(end.turn.text)

    // A resume frame on a live socket replays exactly what came after the given seq.
    const from = resumed.messages.length
    resumed.send({ type: 'resume', afterSeq: lastSeen })
    resumed.send({ type: 'ping', nonce: 'done' })
    await resumed.waitFor('pong', (m) => m.nonce === 'done', from)
    const replayed = resumed.messages.slice(from, -1)
    expect(replayed).toEqual(expected.filter((m) => m.seq > lastSeen))
  })

  it('answers a resume from an unknown seq with a fresh snapshot', async () => {
    const { server, browser } = await setup()
    const id = await browser.startSession({ questionId: question.id, mode: 'mock' })
    const socket = await openSocket(
      server.port,
      `/api/sessions/${id}/stream?afterSeq=3`,
      browser.cookie(),
    )
    const state = await socket.waitFor('session-state')
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
    const from = socket.messages.length
    socket.send({ type: 'resume', afterSeq: 0 })
    const again = await socket.waitFor('session-state', undefined, from)
    expect(again.seq).toBeGreaterThan(state.seq)
    expect(again.turns.map((t) => t.kind)).toEqual(['question'])
    expect(again.turns[0]!.text).toContain(question.prompt)
  })
})

describe('drill over the stream', () => {
  it('judges each answer on the focus and keeps a tally', async () => {
    const { server, browser } = await setup()
    const id = await browser.startSession({
      questionId: question.id,
      mode: 'drill',
      focus: 'step:3',
      options: { followUpBudget: 2 },
    })
    const socket = await openSocket(server.port, `/api/sessions/${id}/stream`, browser.cookie())
    const state = await socket.waitFor('session-state')
    expect(state.progress.drillTally).toEqual({ answered: 0, solid: 0 })
    const opening = await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
    expect(opening.turn.target).toBe('step:3')

    socket.send({ type: 'answer', clientId: 'd1', text: 'We should use TypeScript.' })
    const verdict = await socket.waitFor('turn-end', (m) => m.turn.kind === 'verdict')
    expect(verdict.turn.text).toMatch(/^Verdict: missed\..*\nHint: /)
    expect(verdict.turn.target).toBe('step:3')
    expect(verdict.progress.drillTally).toEqual({ answered: 1, solid: 0 })

    const from = socket.messages.length
    socket.send({
      type: 'answer',
      clientId: 'd2',
      text: 'Early warning metrics: five leading indicators that signal an architectural mismatch before catastrophic failure, each with a threshold.',
    })
    const second = await socket.waitFor('turn-end', (m) => m.turn.kind === 'verdict', from)
    expect(second.turn.text).toMatch(/^Verdict: (solid|partial)\./)
    socket.send({ type: 'answer', clientId: 'd3', text: 'One more.' })
    expect((await socket.waitFor('session-ended', undefined, from)).reason).toBe('budget')
  })
})
