import type { Grade } from '../../server/grading/grade-schema.js'
import type { Session } from '../../server/sessions/session-schema.js'
import type { NewTurn } from '../../server/sessions/session-store.js'

/** A stored session with sensible defaults; tests override what they check. */
export function makeSession(overrides: Partial<Session> = {}): Session {
  return {
    id: 'session-1',
    ownerId: 'owner-1',
    questionId: 'sample-question',
    mode: 'mock',
    focus: null,
    options: { followUpBudget: 5, timeLimitMinutes: 45 },
    status: 'active',
    parentId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  }
}

/** A turn to append: a candidate answer unless overridden. */
export function makeTurn(overrides: Partial<NewTurn> = {}): NewTurn {
  return {
    id: 'turn-1',
    sessionId: 'session-1',
    role: 'candidate',
    kind: 'answer',
    text: 'I would put a queue in front of the payment service.',
    clientId: null,
    createdAt: '2026-01-01T00:01:00.000Z',
    completedAt: '2026-01-01T00:01:00.000Z',
    target: null,
    hiddenNotes: null,
    provider: null,
    model: null,
    usage: null,
    leaksCaught: 0,
    ...overrides,
  }
}

/** A schema-valid grade whose overall score is `overall`. */
export function makeGrade(overall: number, overrides: Partial<Grade> = {}): Grade {
  return {
    questionId: 'sample-question',
    criteria: [
      {
        name: 'Idempotency',
        evidence: [{ turnId: 'turn-1', quote: 'a queue in front of the payment service' }],
        rationale: 'Names the mechanism.',
        missing: 'No idempotency key.',
        score: overall,
        verdict: 'scored',
        spread: 0,
      },
    ],
    competencies: [],
    framework: [{ step: 1, name: 'Clarify', coverage: 'partial' }],
    overall,
    strengths: ['Clear structure'],
    gaps: ['Idempotency keys'],
    nextSteps: ['Read about idempotency keys', 'Practise estimates', 'Name failure modes'],
    droppedQuotes: 0,
    ignored: [],
    grader: { kind: 'offline', model: 'offline', promptVersion: 'v1', samples: 1 },
    gradedAt: '2026-01-01T01:00:00.000Z',
    ...overrides,
  }
}
