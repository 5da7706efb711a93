import { describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app.js'
import { createBrowser } from '../../support/http-client.js'
import { RecordingGrader } from '../../support/recording-grader.js'
import { createTestDeps } from '../../support/test-deps.js'

/**
 * Issue 11, item 2: the one grading worker takes identities in turn. Alice's three gradings
 * queued before Bob's one used to run first (three 2 MB transcripts held the worker for 96 s
 * while a small grade waited 63 s); now Bob's runs right after the one of Alice's that was
 * already running.
 */

const start = { questionId: 'sample-question', mode: 'mock' }

async function endedSession(browser: ReturnType<typeof createBrowser>): Promise<string> {
  const { id } = (await (await browser.post('/api/sessions', start)).json()) as { id: string }
  expect((await browser.post(`/api/sessions/${id}/end`)).status).toBe(200)
  return id
}

describe('grading queue', () => {
  it("runs Bob's grading after the one of Alice's already running, not after all of hers", async () => {
    const grader = new RecordingGrader('offline')
    const deps = createTestDeps({ offlineGrader: grader })
    const app = createApp(deps)
    const alice = createBrowser(app)
    const bob = createBrowser(app)
    const aliceSessions = [
      await endedSession(alice),
      await endedSession(alice),
      await endedSession(alice),
    ]
    const bobSession = await endedSession(bob)
    // Which session a transcript is of, by its turns' ids.
    const sessionOfTurn = new Map<string, string>()
    for (const id of [...aliceSessions, bobSession]) {
      for (const t of (await deps.store.getSession(id))!.turns) sessionOfTurn.set(t.id, id)
    }

    grader.hold()
    for (const id of aliceSessions) {
      expect((await alice.post(`/api/sessions/${id}/grade`)).status).toBe(202)
    }
    expect((await bob.post(`/api/sessions/${bobSession}/grade`)).status).toBe(202)
    await new Promise((resolve) => setImmediate(resolve))
    grader.release()
    const graded = async (id: string, browser: ReturnType<typeof createBrowser>) => {
      for (;;) {
        const report = (await (await browser.get(`/api/sessions/${id}/report`)).json()) as {
          grade: unknown
        }
        if (report.grade) return
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    }
    await Promise.all([...aliceSessions.map((id) => graded(id, alice)), graded(bobSession, bob)])
    const order = grader.calls.map((c) => sessionOfTurn.get(c.transcript.turns[0]!.id))
    expect(order).toEqual([aliceSessions[0], bobSession, aliceSessions[1], aliceSessions[2]])
  })
})
