import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ServerMessage } from '../../../server/protocol/interview-protocol.js'
import { serializeQuestionFile } from '../../../server/questions/question-file.js'
import type { SessionWithTurns } from '../../../server/sessions/session-schema.js'
import { startServerProcess, type ServerProcess } from '../../support/server-process.js'
import { loadTimeBombQuestion } from '../interview/fixtures/load-question.js'
import { createHttpBrowser, openSocket } from './support/ws-harness.js'

const question = loadTimeBombQuestion()
const servers: ServerProcess[] = []
const dirs: string[] = []
afterAll(async () => {
  await Promise.all(servers.map((s) => s.crash()))
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })))
})
// A fresh child process answers its first turns only after its workers load and warm up, which
// takes many seconds when the whole suite shares two cores: wait longer than the in-process 10 s.
const childWaitMs = 40_000

/** server/main.ts in its own process (offline interviewer, SQLite under root/data). */
async function startChild(root: string): Promise<ServerProcess> {
  const server = await startServerProcess({
    DATA_DIR: join(root, 'data'),
    QUESTIONS_DIR: join(root, 'questions'),
    WEB_DIST_DIR: join(root, 'web'),
  })
  servers.push(server)
  return server
}

describe('kill -9 during a turn', () => {
  it('keeps every acknowledged turn and picks the interview up after a restart', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sparring-crash-'))
    dirs.push(root)
    await mkdir(join(root, 'questions'), { recursive: true })
    await writeFile(join(root, 'questions', `${question.id}.md`), serializeQuestionFile(question))

    const first = await startChild(root)
    const browser = createHttpBrowser(first.port)
    const id = await browser.startSession({ questionId: question.id, mode: 'mock' })
    const socket = await openSocket(first.port, `/api/sessions/${id}/stream`, browser.cookie(), {
      waitMs: childWaitMs,
    })
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
    socket.send({
      type: 'answer',
      clientId: 'a1',
      text: 'I assume 10k notifications per second and a team of five.',
    })
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'follow-up')

    // Kill the server the moment the second answer is acknowledged, while its reply is due.
    const killed = new Promise<void>((resolve) => {
      socket.ws.on('message', (data) => {
        const m = JSON.parse(String(data)) as ServerMessage
        if (m.type === 'turn-start' && m.turn.clientId === 'a2') {
          void first.crash().then(resolve)
        }
      })
    })
    socket.send({
      type: 'answer',
      clientId: 'a2',
      text: 'The hidden cost is the on-call load of many services.',
    })
    await killed
    const acknowledged = socket.messages.flatMap((m) =>
      (m.type === 'turn-start' && m.turn.role === 'candidate') || m.type === 'turn-end'
        ? [m.turn]
        : [],
    )
    expect(acknowledged.map((t) => t.clientId ?? t.kind)).toEqual([
      'question',
      'a1',
      'follow-up',
      'a2',
    ])

    // Same data directory, so the same SQLite file and cookie secret.
    const second = await startChild(root)
    const res = await fetch(`http://127.0.0.1:${second.port}/api/sessions/${id}`, {
      headers: { cookie: browser.cookie() },
    })
    expect(res.status).toBe(200)
    const stored = (await res.json()) as SessionWithTurns
    for (const turn of acknowledged) {
      expect(stored.turns.find((t) => t.id === turn.id)).toMatchObject({
        role: turn.role,
        text: turn.text,
        clientId: turn.clientId,
      })
    }

    // Reconnecting resumes the interview: the reply to the acknowledged answer arrives.
    const resumed = await openSocket(second.port, `/api/sessions/${id}/stream`, browser.cookie(), {
      waitMs: childWaitMs,
    })
    const state = await resumed.waitFor('session-state')
    expect(state.turns.filter((t) => t.role === 'candidate').map((t) => t.clientId)).toEqual([
      'a1',
      'a2',
    ])
    const reply = await resumed.waitFor('turn-end', (m) => m.turn.role === 'interviewer')
    expect(reply.turn.completedAt).not.toBeNull()
    expect(reply.turn.text.length).toBeGreaterThan(10)
    const final = (await (
      await fetch(`http://127.0.0.1:${second.port}/api/sessions/${id}`, {
        headers: { cookie: browser.cookie() },
      })
    ).json()) as SessionWithTurns
    expect(final.turns.at(-1)).toMatchObject({ id: reply.turn.id, role: 'interviewer' })
    expect(final.turns.filter((t) => t.clientId === 'a2')).toHaveLength(1)
    resumed.close()
    await second.stop()
  }, 180_000)
})
