import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionReport } from '../../server/sessions/session-report.js'
import { openSocket } from '../server/ws/support/ws-harness.js'
import { createCookieClient } from '../support/http-client.js'
import { startServerProcess } from '../support/server-process.js'
import { until } from '../support/until.js'

/**
 * `npm start` runs the server bundle (dist/server, built by esbuild when its sources changed)
 * with node alone. Node 20 cannot load a .ts file without a loader, so a server that answers
 * and grades here runs from the built JavaScript: main.js, and the grading and coverage workers
 * started from it as sibling .js files.
 */

const root = join(import.meta.dirname, '../..')
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

describe('npm start', () => {
  it('runs the built bundle with plain node: first page, an answer and a grade', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    // The young-generation cap keeps idle memory down (README, docs/benchmarks.md: bench:memory).
    expect(pkg.scripts.start).toBe('node --max-semi-space-size=4 scripts/start.mjs')
    const dataDir = mkdtempSync(join(tmpdir(), 'sparring-npm-start-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    // One coverage worker, so that bundle runs too (the answer below goes through it).
    const server = await startServerProcess({ DATA_DIR: dataDir, COVERAGE_WORKERS: '1' }, [
      '--max-semi-space-size=4',
      'scripts/start.mjs',
    ])
    cleanups.push(() => server.stop())
    expect(server.output()).toMatch(/Server bundle is current|Server built in/)

    const page = await fetch(`http://127.0.0.1:${server.port}/`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root">')

    const browser = createCookieClient((path, init) =>
      fetch(`http://127.0.0.1:${server.port}${path}`, init),
    )
    const start = await browser.post('/api/sessions', {
      questionId: 'the-architectural-time-bomb',
      mode: 'mock',
    })
    const { id } = (await start.json()) as { id: string }
    const socket = await openSocket(server.port, `/api/sessions/${id}/stream`, browser.cookie())
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
    socket.send({
      type: 'answer',
      clientId: 'a1',
      text: 'A modular monolith first: one deployable, clear module boundaries, an outbox for events.',
    })
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'follow-up')
    socket.close()
    expect((await browser.post(`/api/sessions/${id}/end`)).status).toBe(200)
    expect((await browser.post(`/api/sessions/${id}/grade`)).status).toBe(202)
    const graded = await until(
      'the grade',
      async () => {
        const report = (await (
          await browser.get(`/api/sessions/${id}/report`)
        ).json()) as SessionReport
        return report.grading.state === 'done' || report.grading.state === 'failed'
          ? report
          : undefined
      },
      90_000,
    )
    expect(graded.grading.state).toBe('done')
    expect(graded.grade?.overall).toEqual(expect.any(Number))
  }, 180_000)
})
