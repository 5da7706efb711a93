import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, it } from 'vitest'
import { SqliteSessionStore } from '../../../server/sessions/sqlite-session-store.js'

const script = fileURLToPath(new URL('./fixtures/append-until-killed.ts', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'sparring-crash-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs the appender until it has acknowledged `acks` turns, then kills it with SIGKILL. */
function appendThenKill(dbPath: string, acks: number): Promise<{ seq: number; id: string }[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, dbPath], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const acked: { seq: number; id: string }[] = []
    let buffered = ''
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        const [word, seq, id] = line.split(' ')
        if (word === 'acked' && seq && id) acked.push({ seq: Number(seq), id })
      }
      if (acked.length >= acks && !child.killed) child.kill('SIGKILL')
    })
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL'
        ? resolve(acked)
        : reject(new Error(`appender exited on its own (${code}): ${stderr}`)),
    )
  })
}

it('keeps every acknowledged turn, intact, after the writer is killed with SIGKILL', async () => {
  const dbPath = join(dir, 'sparring.db')
  const acked = await appendThenKill(dbPath, 300)
  expect(acked.length).toBeGreaterThanOrEqual(300)

  const store = SqliteSessionStore.open(dbPath)
  try {
    const session = await store.getSession('session-1')
    const byId = new Map(session?.turns.map((t) => [t.id, t]))
    for (const { seq, id } of acked) {
      const n = Number(id.replace('turn-', ''))
      expect(byId.get(id)).toMatchObject({ seq, clientId: `client-${n}` })
      expect(byId.get(id)?.text).toBe(`answer ${n} `.repeat(50))
    }
    // Turns form 1..n with no gaps, whatever was in flight when the process died.
    expect(session?.turns.map((t) => t.seq)).toEqual(session?.turns.map((_, i) => i + 1))
  } finally {
    await store.close()
  }
})
