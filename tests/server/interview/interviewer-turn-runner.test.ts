import { describe, expect, it } from 'vitest'
import type {
  InterviewerEngine,
  InterviewerTurnStream,
} from '../../../server/interview/interviewer-engine.js'
import { runInterviewerTurn } from '../../../server/interview/interviewer-turn-runner.js'
import { MemorySessionStore } from '../../../server/sessions/memory-session-store.js'
import { createCounterIds, createTestClock } from '../../support/test-deps.js'
import { createEngineHarness } from './fixtures/interview-context.js'
import { loadTimeBombQuestion } from './fixtures/load-question.js'

const question = loadTimeBombQuestion()

/**
 * An engine whose stream would go on for ever, as a model's does until it is closed; `state`
 * says how many chunks it was asked for and whether its finally ran (the adapter closing its
 * HTTP response there).
 */
function endlessEngine() {
  const state = { pulled: 0, closed: false }
  const engine: InterviewerEngine = {
    provider: 'endless',
    model: 'endless-1',
    async *nextTurn(): InterviewerTurnStream {
      try {
        for (;;) {
          state.pulled++
          yield 'More words '
        }
      } finally {
        state.closed = true
      }
    },
  }
  return { engine, state }
}

describe('runInterviewerTurn when its reader throws midway', () => {
  it("closes the engine's stream before the fallback writes the turn", async () => {
    const h = createEngineHarness(question)
    const answer = h.add('candidate', 'answer', 'I would start with a monolith and measure it.')
    const context = h.context({ type: 'answer', turn: answer })
    const store = new MemorySessionStore()
    await store.createSession(context.session)
    const { engine, state } = endlessEngine()
    let failed = false
    const turn = await runInterviewerTurn(
      {
        store,
        engine,
        fallback: h.engine,
        clock: createTestClock().now,
        newId: createCounterIds('t'),
        // The first delta's announcement fails once (a subscriber's send throwing).
        publish: (_id, message) => {
          if (message.type === 'token-delta' && !failed) {
            failed = true
            throw new Error('send failed')
          }
        },
      },
      { context, kind: 'follow-up', signal: new AbortController().signal },
    )
    // Before: the stream stayed suspended at its yield, never closed (closed false).
    expect(state).toEqual({ pulled: 1, closed: true })
    expect(turn.completedAt).not.toBeNull()
    expect(turn.hiddenNotes).toContain('Provider failed (internal)')
  })
})
