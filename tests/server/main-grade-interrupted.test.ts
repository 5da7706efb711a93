import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionReport } from '../../server/sessions/session-report.js'
import { createCookieClient } from '../support/http-client.js'
import { startFakeLlmServer } from '../support/fake-llm-server.js'
import { startServerProcess } from '../support/server-process.js'
import { openSocket } from './ws/support/ws-harness.js'
import { until } from '../support/until.js'

/**
 * Issue 11, item 4: a grade cut off by a crash (kill -9 of the real server on its SQLite file)
 * shows as `interrupted` after the restart, with a message saying so, and grading it again
 * gives the grade. Before, it read as a grading still "in progress" that nobody was running.
 */

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

describe('a grade interrupted by a crash', () => {
  it('reads as interrupted after the restart and can be graded again', async () => {
    const llm = await startFakeLlmServer({
      reply: () => 'Which number would tell you first that this design is failing?',
      wordDelayMs: 1,
    })
    cleanups.push(() => llm.stop())
    const dataDir = mkdtempSync(join(tmpdir(), 'sparring-interrupted-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    // A long lease: the restarted server's sweeper must not re-run the job before we look.
    const common = { DATA_DIR: dataDir, SESSION_LEASE_TTL_MS: '600000', COVERAGE_WORKERS: '0' }
    // The first server grades with an LLM whose answer never comes: it is mid-grade when killed.
    const first = await startServerProcess({
      ...common,
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: llm.baseUrl('a'),
    })
    cleanups.push(() => first.stop())
    let port = first.port
    const browser = createCookieClient((path, init) =>
      fetch(`http://127.0.0.1:${port}${path}`, init),
    )
    await browser.get('/api/health')
    const start = await browser.post('/api/sessions', {
      questionId: 'the-architectural-time-bomb',
      mode: 'mock',
    })
    const { id } = (await start.json()) as { id: string }
    const socket = await openSocket(port, `/api/sessions/${id}/stream`, browser.cookie())
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
    socket.send({ type: 'answer', clientId: 'a1', text: 'A monolith first, for a team of five.' })
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'follow-up')
    socket.close()
    expect((await browser.post(`/api/sessions/${id}/end`)).status).toBe(200)
    llm.holdJson = true
    expect((await browser.post(`/api/sessions/${id}/grade`)).status).toBe(202)
    await until('the grader request', () =>
      llm.requests.some((r) => r.kind === 'json') ? true : undefined,
    )
    await first.crash()

    // The same DATA_DIR (so the same cookie secret and file), offline this time.
    const second = await startServerProcess(common)
    cleanups.push(() => second.stop())
    port = second.port
    const report = async () =>
      (await (await browser.get(`/api/sessions/${id}/report`)).json()) as SessionReport
    const after = await report()
    expect(after.grade).toBeNull()
    expect(after.grading.state).toBe('interrupted')
    expect(after.grading.message).toMatch(/interrupted: the server stopped while grading/)

    expect((await browser.post(`/api/sessions/${id}/grade`)).status).toBe(202)
    // The grade is stored a moment before its job is marked done, and a report read between
    // the two says a grading is still running beside the grade (report-service.ts pickRunning):
    // wait for both, then check the grade is the re-run's, whole.
    const graded = await until('the grade and its job done', async () => {
      const r = await report()
      return r.grade && r.grading.state === 'done' ? r : undefined
    })
    expect(graded.grading.message).toBeNull()
    expect(graded.grade?.criteria.length).toBeGreaterThan(0)
  }, 120_000)
})
