import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.js'
import { loadQuestionBank, QuestionBank } from '../../server/questions/question-bank.js'
import { createTestDeps } from '../support/test-deps.js'

let app: ReturnType<typeof createApp>

beforeAll(async () => {
  app = createApp(createTestDeps({ bank: await loadQuestionBank('questions') }))
})

describe('createApp', () => {
  it('answers GET /api/health with the number of questions', async () => {
    const res = await app.request('/api/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', questions: 15 })
    const empty = createApp(createTestDeps({ bank: new QuestionBank([]) }))
    expect(await (await empty.request('/api/health')).json()).toEqual({
      status: 'ok',
      questions: 0,
    })
  })

  it('serves an OpenAPI 3.1 document that lists the question routes', async () => {
    const res = await app.request('/api/openapi.json')
    expect(res.status).toBe(200)
    const doc = (await res.json()) as {
      openapi: string
      paths: Record<string, Record<string, unknown>>
    }
    expect(doc.openapi).toMatch(/^3\.1\./)
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/questions', '/api/questions/{id}']),
    )
    expect(Object.keys(doc.paths['/api/questions']!)).toContain('get')
    expect(JSON.stringify(doc.paths['/api/questions/{id}'])).toContain('"404"')
  })

  it('answers an unknown /api path with a JSON 404', async () => {
    const res = await app.request('/api/nothing-here')
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found:route')
  })
})
