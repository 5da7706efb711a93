import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app.js'
import { loadQuestionBank, type QuestionBank } from '../../../server/questions/question-bank.js'
import { proseOf } from '../questions/markdown-code.js'
import { createTestDeps } from '../../support/test-deps.js'

let bank: QuestionBank
let app: ReturnType<typeof createApp>

beforeAll(async () => {
  bank = await loadQuestionBank('questions')
  app = createApp(createTestDeps({ bank }))
})

type Listing = {
  questions: { id: string; difficulty: string; role: string; level: string; companies: string[] }[]
}

async function list(query: string): Promise<Listing['questions']> {
  const res = await app.request(`/api/questions${query}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as Listing).questions
}

describe('GET /api/questions', () => {
  it('lists all 15 questions, in bank order', async () => {
    expect((await list('')).map((q) => q.id)).toEqual(bank.questions.map((q) => q.id))
  })

  it('filters by difficulty', async () => {
    const high = await list('?difficulty=High')
    expect(high.length).toBeGreaterThan(0)
    expect(high.length).toBeLessThan(15)
    expect(high.every((q) => q.difficulty === 'High')).toBe(true)
    expect(high.length).toBe(bank.questions.filter((q) => q.difficulty === 'High').length)
    expect((await list('?difficulty=Medium')).map((q) => q.id)).toEqual([
      'the-regret-retrospective',
    ])
  })

  it('filters by role, level and company, case-insensitively', async () => {
    expect((await list('?role=architect')).map((q) => q.id)).toEqual([
      'the-microservices-coordination-nightmare',
    ])
    const staffLevel = await list('?level=staff')
    expect(staffLevel.map((q) => q.id)).toEqual([
      'the-payment-race-condition',
      'the-microservices-coordination-nightmare',
      'the-cache-invalidation-crisis',
    ])
    const stripe = await list('?company=STRIPE')
    expect(stripe.map((q) => q.id)).toEqual([
      'the-monolith-technical-debt-dilemma',
      'the-payment-race-condition',
      'the-legacy-code-economics',
      'the-jwt-race-condition-nightmare',
    ])
    expect(stripe.every((q) => q.companies.some((c) => /stripe/i.test(c)))).toBe(true)
  })

  it('searches free text and combines filters', async () => {
    expect((await list('?q=graphql')).map((q) => q.id)).toEqual(['the-graphql-n-1-mystery'])
    expect((await list('?q=refresh%20token')).map((q) => q.id)).toEqual([
      'the-jwt-race-condition-nightmare',
    ])
    expect((await list('?company=stripe&difficulty=High')).map((q) => q.id)).toEqual([
      'the-jwt-race-condition-nightmare',
    ])
    expect(await list('?q=kubernetes-on-the-moon')).toEqual([])
  })

  it.each(['?difficulty=Extreme', '?role=', '?q=' + 'x'.repeat(201)])(
    'rejects a bad query with 400 (%#)',
    async (query) => {
      const res = await app.request(`/api/questions${query}`)
      expect(res.status).toBe(400)
      const body = (await res.json()) as { error: { code: string; message: string } }
      expect(body.error.code).toBe('invalid:query')
      expect(body.error.message).toEqual(expect.any(String))
    },
  )
})

describe('GET /api/questions/:id', () => {
  it('returns the question as a candidate sees it', async () => {
    const res = await app.request('/api/questions/the-payment-race-condition')
    expect(res.status).toBe(200)
    const body = (await res.json()) as Record<string, unknown>
    const q = bank.get('the-payment-race-condition')!
    expect(body).toMatchObject({
      id: q.id,
      number: 4,
      scenario: q.scenario,
      requirements: q.requirements,
    })
    expect(body.framework).toEqual(q.framework)
    expect(Object.keys(body)).not.toContain('modelAnswer')
    expect(Object.keys(body)).not.toContain('rubric')
    expect(Object.keys(body)).not.toContain('statedScore')
  })

  it('answers 404 not_found:question for an unknown id', async () => {
    const res = await app.request('/api/questions/no-such-question')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      error: {
        code: 'not_found:question',
        message: 'No question with id "no-such-question".',
        requestId: expect.any(String),
      },
    })
  })

  it('answers 400 for an id that is not a slug', async () => {
    const res = await app.request('/api/questions/Not_A_Slug!')
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid:param')
  })
})

/** Sentences long enough to be distinctive; the text searched must not contain any of them. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?:])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 40)
}

/** Every string inside a JSON value, so escaping does not hide a match. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsOf)
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf)
  return []
}

describe('no model answer or rubric text in /api/questions*', () => {
  it('leaks no distinctive sentence of any model answer and no rubric description', async () => {
    const publicText = bank.questions
      .map((q) =>
        [q.prompt, q.scenario, JSON.stringify(q.competencies), JSON.stringify(q.framework)].join(
          '\n',
        ),
      )
      .join('\n')
    const secrets = bank.questions.flatMap((q) => {
      const answer = sentences(proseOf(q.modelAnswer)).filter((s) => !publicText.includes(s))
      expect(answer.length, `${q.id} has distinctive answer sentences`).toBeGreaterThanOrEqual(3)
      return [...answer, ...q.rubric.map((r) => r.description)]
    })

    // The matcher finds every secret in the full questions, so an empty result below means something.
    const everything = stringsOf(bank.questions).join('\n')
    expect(secrets.filter((s) => !everything.includes(s))).toEqual([])

    const urls = [
      '/api/questions',
      '/api/questions?difficulty=High',
      '/api/questions?role=senior',
      '/api/questions?level=staff',
      '/api/questions?company=stripe',
      '/api/questions?q=cache',
      '/api/questions?difficulty=Extreme',
      '/api/questions/no-such-question',
      ...bank.questions.map((q) => `/api/questions/${q.id}`),
    ]
    for (const url of urls) {
      const res = await app.request(url)
      const text = stringsOf(await res.json()).join('\n')
      const leaked = secrets.filter((s) => text.includes(s))
      expect(leaked, url).toEqual([])
    }
  })
})
