import { describe, expect, it } from 'vitest'
import { createCoverageTracker } from '../../../server/interview/coverage-tracker.js'
import type { OutboundMessage } from '../../../server/interview/interview-messages.js'
import { createInterviewOrchestrator } from '../../../server/interview/interview-orchestrator.js'
import { createOfflineInterviewer } from '../../../server/interview/offline-interviewer.js'
import { QuestionBank } from '../../../server/questions/question-bank.js'
import { MemorySessionStore } from '../../../server/sessions/memory-session-store.js'
import type { SessionLease } from '../../../server/sessions/session-lease.js'
import { createLeaseKeeper, withLeaseFence } from '../../../server/sessions/session-lease-keeper.js'
import { createTextAnalyzer } from '../../../server/text/index.js'
import { makeSession } from '../../support/session-fixtures.js'
import { createCounterIds } from '../../support/test-deps.js'
import { ANSWER, question } from './fixtures/orchestrator-harness.js'

/** A store whose lease release takes `releaseMs`, as a round trip to a remote backend does. */
class SlowReleaseStore extends MemorySessionStore {
  constructor(private readonly releaseMs: number) {
    super()
  }
  override async releaseLease(lease: SessionLease): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.releaseMs))
    await super.releaseLease(lease)
  }
}

/** One instance's orchestrator over a shared store, under leases, recording what it publishes. */
function instance(store: MemorySessionStore, holder: string) {
  const analyzer = createTextAnalyzer()
  const offline = createOfflineInterviewer({ analyzer, fullAt: 0.5 })
  const published: OutboundMessage[] = []
  const orchestrator = createInterviewOrchestrator({
    store: withLeaseFence(store),
    bank: new QuestionBank([question]),
    engine: offline,
    fallback: offline,
    coverage: createCoverageTracker({ questions: [question], analyzer }),
    clock: () => new Date(),
    newId: createCounterIds(holder),
    publish: (_id, m) => void published.push(m),
    leases: createLeaseKeeper({ store, holder, ttlMs: 10_000 }),
  })
  return { orchestrator, published }
}

async function openedSession(store: MemorySessionStore) {
  const session = makeSession({ questionId: question.id, createdAt: new Date().toISOString() })
  await store.createSession(session)
  return session
}

describe('interview orchestrator under leases', () => {
  it('takes an answer sent as soon as the turn ended, while its lease is still being released', async () => {
    const store = new SlowReleaseStore(200)
    const { orchestrator, published } = instance(store, 'a')
    const session = await openedSession(store)
    const turnEnded = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (published.some((m) => m.type === 'turn-end')) resolve(clearInterval(timer))
      }, 1)
    })
    await orchestrator.resumePending(session.id)
    await turnEnded
    const result = await orchestrator.handle(
      session.id,
      { type: 'answer', clientId: 'c1', text: ANSWER },
      () => {},
    )
    expect(result).toEqual({ ok: true })
    await orchestrator.idle(session.id)
    const turns = (await store.getSession(session.id))!.turns
    expect(turns.map((t) => t.kind)).toEqual(['question', 'answer', 'follow-up'])
  })

  it('waits for another instance that is done with its turn to hand the lease over', async () => {
    const store = new SlowReleaseStore(300)
    const a = instance(store, 'a')
    const b = instance(store, 'b')
    const session = await openedSession(store)
    await a.orchestrator.resumePending(session.id)
    // The opening is stored complete; A is still releasing its lease when B gets the answer.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (a.published.some((m) => m.type === 'turn-end')) resolve(clearInterval(timer))
      }, 1)
    })
    const result = await b.orchestrator.handle(
      session.id,
      { type: 'answer', clientId: 'c1', text: ANSWER },
      () => {},
    )
    expect(result).toEqual({ ok: true })
    await b.orchestrator.idle(session.id)
    const turns = (await store.getSession(session.id))!.turns
    expect(turns.map((t) => t.kind)).toEqual(['question', 'answer', 'follow-up'])
  })

  it('refuses at once an answer while another instance is streaming a turn', async () => {
    const store = new MemorySessionStore()
    const session = await openedSession(store)
    // Another instance holds the lease and its turn is stored incomplete: it is mid-stream.
    await store.acquireLease(session.id, 'a', 10_000)
    await store.appendTurn({
      id: 'opening',
      sessionId: session.id,
      role: 'interviewer',
      kind: 'question',
      text: '',
      clientId: null,
      createdAt: new Date().toISOString(),
      completedAt: null,
      target: null,
      hiddenNotes: null,
      provider: 'offline',
      model: 'sparring-offline-1',
      usage: null,
      leaksCaught: 0,
    })
    const b = instance(store, 'b')
    const started = Date.now()
    const result = await b.orchestrator.handle(
      session.id,
      { type: 'answer', clientId: 'c1', text: ANSWER },
      () => {},
    )
    expect(result).toMatchObject({ ok: false, code: 'conflict:turn_in_progress' })
    expect(Date.now() - started).toBeLessThan(1000)
  })
})
