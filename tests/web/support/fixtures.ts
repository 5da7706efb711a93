import type { ServerMessage } from '../../../web/src/shared/contract/protocol-contract.js'
import type {
  Question,
  QuestionListing,
} from '../../../web/src/shared/contract/question-contract.js'
import type { Grade, Session, Turn } from '../../../web/src/shared/contract/session-contract.js'

const T0 = '2026-11-29T10:00:00.000Z'

export function makeSession(patch: Partial<Session> = {}): Session {
  return {
    id: 's1',
    ownerId: 'o1',
    questionId: 'the-payment-race',
    mode: 'mock',
    focus: null,
    options: { followUpBudget: 3, timeLimitMinutes: 45 },
    status: 'active',
    parentId: null,
    createdAt: T0,
    updatedAt: T0,
    ...patch,
  }
}

export function makeTurn(patch: Partial<Turn> & Pick<Turn, 'id' | 'seq'>): Turn {
  return {
    sessionId: 's1',
    role: 'interviewer',
    kind: 'question',
    text: '',
    clientId: null,
    createdAt: T0,
    completedAt: T0,
    target: null,
    hiddenNotes: null,
    provider: 'offline',
    model: 'offline',
    usage: null,
    leaksCaught: 0,
    ...patch,
  }
}

export const progress = { followUpsAsked: 0, followUpBudget: 3, drillTally: null }

export function stateMessage(seq: number, turns: Turn[], session = makeSession()): ServerMessage {
  return {
    type: 'session-state',
    seq,
    session,
    turns,
    provider: { provider: 'offline', model: 'offline' },
    progress,
  }
}

export function makeListing(
  patch: Partial<QuestionListing> & Pick<QuestionListing, 'id' | 'title'>,
): QuestionListing {
  return {
    number: 1,
    difficulty: 'High',
    role: 'Senior Full-Stack',
    level: 'Senior',
    companies: [],
    prompt: 'Design it.',
    competencies: [],
    topics: [],
    ...patch,
  }
}

export function makeQuestion(patch: Partial<Question> = {}): Question {
  return {
    id: 'the-payment-race',
    number: 1,
    title: 'The Payment Race',
    difficulty: 'High',
    role: 'Senior Full-Stack',
    level: 'Senior',
    companies: ['Stripe'],
    prompt: 'Two payments went through. Why?',
    scenario: 'A user pays **twice**.',
    requirements: [],
    competencies: [{ name: 'Concurrency', description: 'Races' }],
    framework: {
      name: 'RACE',
      steps: [{ number: 1, name: 'Reproduce', description: '' }],
      keyPrinciples: [],
    },
    modelAnswer: 'Use an idempotency key.\n\n```ts\nconst key = crypto.randomUUID()\n```',
    statedScore: { value: 9, scale: 10 },
    rubric: [{ name: 'Idempotency', description: 'Keys', weight: 1 }],
    incomplete: [],
    ...patch,
  }
}

export function makeGrade(patch: Partial<Grade> = {}): Grade {
  return {
    questionId: 'the-payment-race',
    criteria: [
      {
        name: 'Idempotency',
        evidence: [{ turnId: 'c1', quote: 'an idempotency key' }],
        rationale: 'Named the key.',
        missing: 'Where the key is stored.',
        score: 7,
        verdict: 'scored',
        spread: 0,
      },
      {
        name: 'Observability',
        evidence: [],
        rationale: 'Not discussed.',
        missing: 'Metrics.',
        score: 2,
        verdict: 'insufficient-evidence',
        spread: 0,
      },
    ],
    competencies: [
      {
        name: 'Concurrency',
        evidence: [{ turnId: 'c1', quote: 'row lock' }],
        rationale: 'Locks.',
        missing: '',
        score: 6,
        verdict: 'scored',
        spread: 0,
      },
    ],
    framework: [
      { step: 1, name: 'Reproduce', coverage: 'full' },
      { step: 2, name: 'Fix', coverage: 'none' },
    ],
    overall: 5.5,
    strengths: ['Clear'],
    gaps: ['Metrics'],
    nextSteps: ['Drill observability', 'Reread step 2', 'Retry the question'],
    droppedQuotes: 0,
    ignored: [],
    grader: { kind: 'offline', model: 'offline', promptVersion: 'v1', samples: 1 },
    gradedAt: T0,
    ...patch,
  }
}
