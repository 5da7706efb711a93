import { describe, expect, it, vi } from 'vitest'
import { createApp } from '../../../server/app.js'
import { createWorkerOfflineGrader } from '../../../server/grading/worker-offline-grader.js'
import { SessionReportSchema } from '../../../server/sessions/session-report.js'
import { createBrowser } from '../../support/http-client.js'
import { RecordingGrader } from '../../support/recording-grader.js'
import { makeTurn } from '../../support/session-fixtures.js'
import { createTestDeps } from '../../support/test-deps.js'

const ANSWER = 'The “retry” after a timeout charges the card twice, so I add idempotency keys.'

async function setup(opts: { end?: boolean } = {}) {
  const offlineGrader = new RecordingGrader('offline')
  const deps = createTestDeps({ offlineGrader })
  const app = createApp(deps)
  const alice = createBrowser(app)
  const bob = createBrowser(app)
  const { id } = await (
    await alice.post('/api/sessions', { questionId: 'sample-question', mode: 'mock' })
  ).json()
  await deps.store.appendTurn(
    makeTurn({
      sessionId: id,
      id: 'q1',
      role: 'interviewer',
      kind: 'question',
      text: 'A customer was charged twice. Why?',
      hiddenNotes: 'opening',
    }),
  )
  await deps.store.appendTurn(makeTurn({ sessionId: id, id: 'a1', text: ANSWER, clientId: 'c1' }))
  if (opts.end !== false) await alice.post(`/api/sessions/${id}/end`)
  return { deps, app, alice, bob, id, offlineGrader }
}

async function gradeAndWait(ctx: Pick<Awaited<ReturnType<typeof setup>>, 'alice' | 'id'>) {
  const res = await ctx.alice.post(`/api/sessions/${ctx.id}/grade`)
  expect(res.status).toBe(202)
  // Grading runs in the background (on a worker thread with the real grader): poll the report.
  return vi.waitFor(
    async () => {
      const report = await (await ctx.alice.get(`/api/sessions/${ctx.id}/report`)).json()
      if (!report.grade) throw new Error(`not graded yet: ${report.grading.state}`)
      return report
    },
    { timeout: 15_000, interval: 20 },
  )
}

describe('grading and the report', () => {
  it('grades in the background (202) and the report then holds grade, model answer, rubric', async () => {
    const ctx = await setup()
    const before = await (await ctx.alice.get(`/api/sessions/${ctx.id}/report`)).json()
    expect(before.grade).toBeNull()
    expect(before.grading.state).toBe('none')

    const report = await gradeAndWait(ctx)
    expect(SessionReportSchema.parse(report)).toBeTruthy()
    expect(report.grade.overall).toBe(4)
    expect(report.grading.state).toBe('done')
    expect(report.question.modelAnswer).toContain('idempotency key derived from the order id')
    expect(report.question.rubric.map((r: { name: string }) => r.name)).toEqual([
      'Root cause',
      'Idempotency',
    ])
    // Ending over REST closes the interview like the socket does: a closing turn follows.
    expect(report.turns.map((t: { id: string; kind: string }) => t.id).slice(0, 2)).toEqual([
      'q1',
      'a1',
    ])
    expect(report.turns.map((t: { kind: string }) => t.kind).slice(2)).toEqual(['closing'])
    expect(report.session.ownerId).toBeUndefined()
    expect(ctx.offlineGrader.calls[0]?.transcript.turns[1]?.text).toBe(ANSWER)
  })

  it('says the grading already runs instead of starting it twice', async () => {
    const ctx = await setup()
    ctx.offlineGrader.hold()
    const first = await (await ctx.alice.post(`/api/sessions/${ctx.id}/grade`)).json()
    const second = await (await ctx.alice.post(`/api/sessions/${ctx.id}/grade`)).json()
    expect([first.status, second.status]).toEqual(['started', 'already-running'])
    expect(first.grader).toBe('offline')
    const running = await (await ctx.alice.get(`/api/sessions/${ctx.id}/report`)).json()
    expect(running.grading.state).toBe('running')
    ctx.offlineGrader.release()
  })

  it('keeps the report, the model answer and grading closed while the session is active', async () => {
    const ctx = await setup({ end: false })
    for (const res of [
      await ctx.alice.get(`/api/sessions/${ctx.id}/report`),
      await ctx.alice.get(`/api/sessions/${ctx.id}/report.md`),
      await ctx.alice.post(`/api/sessions/${ctx.id}/grade`),
      await ctx.alice.post(`/api/sessions/${ctx.id}/share`),
    ]) {
      expect(res.status).toBe(409)
      expect((await res.json()).error.code).toBe('conflict:session_active')
    }
  })

  it('answers 404 not_found:session to another identity on every route', async () => {
    const ctx = await setup()
    for (const res of [
      await ctx.bob.post(`/api/sessions/${ctx.id}/grade`),
      await ctx.bob.get(`/api/sessions/${ctx.id}/report`),
      await ctx.bob.get(`/api/sessions/${ctx.id}/report.md`),
      await ctx.bob.get(`/api/sessions/${ctx.id}/report.json`),
      await ctx.bob.post(`/api/sessions/${ctx.id}/share`),
      await ctx.bob.delete(`/api/sessions/${ctx.id}/share`),
    ]) {
      expect(res.status).toBe(404)
      expect((await res.json()).error.code).toBe('not_found:session')
    }
    expect(ctx.offlineGrader.calls).toHaveLength(0)
  })
})

describe('exports', () => {
  it('exports Markdown with the evidence quoted verbatim, the transcript and the model answer', async () => {
    const ctx = await setup()
    const report = await gradeAndWait(ctx)
    const res = await ctx.alice.get(`/api/sessions/${ctx.id}/report.md`)
    expect(res.headers.get('content-type')).toContain('text/markdown')
    expect(res.headers.get('content-disposition')).toContain(`sparring-${ctx.id}.md`)
    const md = await res.text()
    const quote = report.grade.criteria[0].evidence[0].quote
    expect(quote).toBe('The “retry” after a timeout charges')
    expect(md).toContain(`> ${quote}`)
    expect(md).toContain('# The Double-Charged Customer')
    expect(md).toContain('Overall score: **4 / 10**')
    expect(md).toContain('### Root cause: 6 / 10')
    expect(md).toContain(ANSWER)
    expect(md).toContain('## Model answer')
    expect(md).toContain('Send an idempotency key derived from the order id')
    expect(md).toContain('| 2. Fix | none |')
  })

  it('exports JSON as an attachment, the same report as the API', async () => {
    const ctx = await setup()
    const report = await gradeAndWait(ctx)
    const res = await ctx.alice.get(`/api/sessions/${ctx.id}/report.json`)
    expect(res.headers.get('content-disposition')).toContain(`sparring-${ctx.id}.json`)
    expect(await res.json()).toEqual(report)
  })
})

describe('share links', () => {
  it('shares a read-only report by an unguessable token, and revoking it ends access', async () => {
    const ctx = await setup()
    const res = await ctx.alice.post(`/api/sessions/${ctx.id}/share`)
    expect(res.status).toBe(201)
    const { url, token } = await res.json()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(url).toBe(`/shared/${token}`)

    const stranger = createBrowser(ctx.app)
    const shared = await stranger.get(`/api/shared/${token}`)
    expect(shared.status).toBe(200)
    const report = await shared.json()
    expect(report.turns.map((t: { text: string }) => t.text)).toContain(ANSWER)
    expect(JSON.stringify(report)).not.toContain('id-1') // the owner's id

    expect((await ctx.alice.delete(`/api/sessions/${ctx.id}/share`)).status).toBe(204)
    const revoked = await stranger.get(`/api/shared/${token}`)
    expect(revoked.status).toBe(404)
    expect((await revoked.json()).error.code).toBe('not_found:share')
  })

  it('replaces the old token when sharing again', async () => {
    const ctx = await setup()
    const first = (await (await ctx.alice.post(`/api/sessions/${ctx.id}/share`)).json()).token
    const second = (await (await ctx.alice.post(`/api/sessions/${ctx.id}/share`)).json()).token
    expect(second).not.toBe(first)
    expect((await ctx.alice.get(`/api/shared/${first}`)).status).toBe(404)
    expect((await ctx.alice.get(`/api/shared/${second}`)).status).toBe(200)
  })
})

describe('POST /api/grade', () => {
  const transcript = {
    questionId: 'sample-question',
    turns: [
      { id: 't1', role: 'interviewer', text: 'Why was the customer charged twice?' },
      { id: 't2', role: 'candidate', text: ANSWER },
    ],
  }

  it('grades a pasted transcript now', async () => {
    const { alice } = await setup()
    const res = await alice.post('/api/grade', transcript)
    expect(res.status).toBe(200)
    const grade = await res.json()
    expect(grade.criteria[0].evidence[0]).toEqual({
      turnId: 't2',
      quote: 'The “retry” after a timeout charges',
    })
  })

  it('answers 404 for an unknown question and 400 for a malformed transcript', async () => {
    const { alice } = await setup()
    const unknown = await alice.post('/api/grade', { ...transcript, questionId: 'nope' })
    expect((await unknown.json()).error.code).toBe('not_found:question')
    const bad = await alice.post('/api/grade', {
      questionId: 'sample-question',
      turns: [{ id: 'x' }],
    })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.code).toBe('invalid:json')
  })

  it('refuses a body over 2 MB with 413', async () => {
    const { alice } = await setup()
    const text = 'x'.repeat(90_000)
    const turns = Array.from({ length: 30 }, (_, i) => ({ id: `t${i}`, role: 'candidate', text }))
    const res = await alice.post('/api/grade', { questionId: 'sample-question', turns })
    expect(res.status).toBe(413)
    expect((await res.json()).error.code).toBe('too_large:body')
  })
})

it('documents the report routes in /api/openapi.json', async () => {
  const { alice } = await setup()
  const doc = await (await alice.get('/api/openapi.json')).json()
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      '/api/sessions/{id}/grade',
      '/api/sessions/{id}/report',
      '/api/sessions/{id}/report.md',
      '/api/sessions/{id}/report.json',
      '/api/sessions/{id}/share',
      '/api/shared/{token}',
      '/api/grade',
    ]),
  )
})

describe('with the real offline grader (lexical, on its worker thread)', () => {
  it('quotes only the candidate’s own words, verbatim, in the report and the Markdown', async () => {
    const deps = createTestDeps()
    const offlineGrader = createWorkerOfflineGrader({ clock: deps.clock, useEmbeddings: false })
    const app = createApp({ ...deps, offlineGrader })
    const alice = createBrowser(app)
    const { id } = await (
      await alice.post('/api/sessions', { questionId: 'sample-question', mode: 'mock' })
    ).json()
    const answers = [
      'The client retries the charge after a timeout although the first charge went through.',
      'I would send an idempotency key derived from the order id with every charge, and ' +
        'reconcile pending orders against the provider every few minutes.',
    ]
    for (const [i, text] of answers.entries()) {
      await deps.store.appendTurn(makeTurn({ sessionId: id, id: `a${i}`, text, clientId: `c${i}` }))
    }
    await alice.post(`/api/sessions/${id}/end`)
    try {
      const report = await gradeAndWait({ alice, id })
      const quotes: string[] = report.grade.criteria.flatMap(
        (c: { evidence: { quote: string }[] }) => c.evidence.map((e) => e.quote),
      )
      expect(quotes.length).toBeGreaterThan(0)
      for (const quote of quotes) expect(answers.some((a) => a.includes(quote))).toBe(true)
      const md = await (await alice.get(`/api/sessions/${id}/report.md`)).text()
      for (const quote of quotes) expect(md).toContain(`> ${quote}`)
    } finally {
      await offlineGrader.close()
    }
  })
})
