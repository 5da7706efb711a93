import type { AppDeps } from '../../server/app.js'
import { MemorySessionStore } from '../../server/sessions/memory-session-store.js'
import { RecordingGrader } from './recording-grader.js'
import { makeSampleBank } from './sample-question.js'

/** A clock that stands still until a test moves it. */
export type TestClock = { now: () => Date; advance: (ms: number) => void }

export function createTestClock(start = '2026-01-01T09:00:00.000Z'): TestClock {
  let current = new Date(start).getTime()
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms
    },
  }
}

/** Ids `id-1`, `id-2`, ... in call order. */
export function createCounterIds(prefix = 'id'): () => string {
  let n = 0
  return () => `${prefix}-${++n}`
}

export type TestDeps = AppDeps & { testClock: TestClock }

/**
 * Deps for createApp in tests: the sample question bank, an in-memory store, a clock that only
 * moves when told, counter ids, a fixed cookie secret and a recording fake as the offline grader
 * (fast and predictable; the real one is tested on its own). Override any of them.
 */
export function createTestDeps(overrides: Partial<TestDeps> = {}): TestDeps {
  const testClock = overrides.testClock ?? createTestClock()
  return {
    bank: makeSampleBank(),
    store: new MemorySessionStore(),
    clock: testClock.now,
    newId: createCounterIds(),
    cookieSecret: 'test-cookie-secret-of-at-least-32-characters',
    offlineGrader: new RecordingGrader('offline'),
    testClock,
    ...overrides,
  }
}
