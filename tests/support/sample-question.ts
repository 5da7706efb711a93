import { QuestionBank } from '../../server/questions/question-bank.js'
import { QuestionSchema, type Question } from '../../server/questions/question-schema.js'

/** A small, complete question written for tests: three framework steps, two competencies. */
export function makeSampleQuestion(overrides: Partial<Question> = {}): Question {
  return QuestionSchema.parse({
    id: 'sample-question',
    number: 1,
    title: 'The Double-Charged Customer',
    difficulty: 'High',
    role: 'Senior Full Stack Developer',
    level: 'Senior',
    companies: ['Stripe'],
    prompt: 'A customer was charged twice for one order. Find out why and fix it.',
    scenario:
      'Checkout calls the payment provider, then writes the order. Under load, retries after a ' +
      'timeout sometimes charge the card twice. There are 2,000 orders a minute at peak.',
    requirements: ['Explain the cause', 'Fix it without losing orders'],
    competencies: [
      { name: 'Distributed Systems', description: 'Reasoning about retries and partial failure.' },
      { name: 'Pragmatism', description: 'Shipping a safe fix first.' },
    ],
    framework: {
      name: 'Diagnose, Fix, Prevent',
      steps: [
        { number: 1, name: 'Diagnose', description: 'Find the retry that double charges.' },
        { number: 2, name: 'Fix', description: 'Idempotency keys on the payment call.' },
        { number: 3, name: 'Prevent', description: 'Alerts and reconciliation.' },
      ],
      keyPrinciples: ['Retries must be idempotent'],
    },
    modelAnswer:
      'The client retries the charge after a timeout although the first charge succeeded. ' +
      'Send an idempotency key derived from the order id with every charge so the provider ' +
      'returns the first result on a retry. Write the order as pending before charging, and ' +
      'reconcile pending orders against the provider every few minutes. Alert on duplicate charges.',
    statedScore: { value: 8, scale: 10 },
    rubric: [
      { name: 'Root cause', description: 'Names the non-idempotent retry after a timeout.' },
      { name: 'Idempotency', description: 'Uses an idempotency key tied to the order.' },
    ],
    ...overrides,
  })
}

export function makeSampleBank(): QuestionBank {
  return new QuestionBank([makeSampleQuestion()])
}
