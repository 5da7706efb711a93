import { afterEach, describe, expect, it } from 'vitest'
import { QuestionBank } from '../../../server/questions/question-bank.js'
import { createTestDeps } from '../../support/test-deps.js'
import { loadTimeBombQuestion } from '../interview/fixtures/load-question.js'
import { createHttpBrowser, openSocket, startServer } from './support/ws-harness.js'

const question = loadTimeBombQuestion()
let stops: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(stops.map((stop) => stop()))
  stops = []
})

// Each read of a session loads all its turns: opening a socket reads it to authorise the
// upgrade and for the snapshot, and resumePending reuses the snapshot's read.
describe('opening a session stream', () => {
  it('reads the session from the store twice, not three times', async () => {
    const deps = createTestDeps({ bank: new QuestionBank([question]) })
    let reads = 0
    const getSession = deps.store.getSession.bind(deps.store)
    deps.store.getSession = (id) => {
      reads += 1
      return getSession(id)
    }
    const server = await startServer(deps)
    stops.push(server.stop)
    const browser = createHttpBrowser(server.port)
    const id = await browser.startSession({ questionId: question.id, mode: 'mock' })
    const before = reads
    const socket = await openSocket(server.port, `/api/sessions/${id}/stream`, browser.cookie())
    // The opening question is started by resumePending, after the snapshot.
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
    expect(reads - before).toBe(2)
    socket.close()
  })
})
