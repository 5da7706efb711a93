import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { SqliteSessionStore } from '../../../server/sessions/sqlite-session-store.js'
import { makeSession } from '../../support/session-fixtures.js'

/**
 * Issue 11, item 5: two processes appending to one session of one SQLite file at once (a CLI
 * beside the server, or a server restarting while the old one still writes). Every append must
 * succeed with its own seq and each process must read the other's turns. This holds because an
 * append is an IMMEDIATE transaction: it takes the write lock before reading MAX(seq). With a
 * deferred one, both read the same MAX(seq) and the second's write fails (SQLITE_BUSY_SNAPSHOT,
 * which busy_timeout does not retry) or collides on the seq; this test then fails.
 */

const script = fileURLToPath(new URL('./fixtures/append-alongside.ts', import.meta.url))
const PER_PROCESS = 150
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

type Appender = { child: ChildProcess; ready: Promise<void>; output: Promise<string> }

function startAppender(path: string, name: string): Appender {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, path, name, String(PER_PROCESS)],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  )
  cleanups.push(() => child.kill('SIGKILL'))
  let stdout = ''
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString()
      if (stdout.includes('ready\n')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}): ${stderr}`)))
  })
  const output = new Promise<string>((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${name} exited ${code}: ${stderr}`)),
    ),
  )
  return { child, ready, output }
}

describe('two processes on one SQLite file', () => {
  it('both append to one session at once: every append stored, seqs 1..n, each sees the other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sparring-two-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const path = join(dir, 'sparring.db')
    const setup = SqliteSessionStore.open(path)
    await setup.createSession(makeSession())
    await setup.close()

    const a = startAppender(path, 'a')
    const b = startAppender(path, 'b')
    await Promise.all([a.ready, b.ready])
    a.child.stdin!.write('go\n')
    b.child.stdin!.write('go\n')
    const [outA, outB] = await Promise.all([a.output, b.output])

    // No append failed, in either process.
    expect(outA.split('\n').filter((l) => l.startsWith('failed'))).toEqual([])
    expect(outB.split('\n').filter((l) => l.startsWith('failed'))).toEqual([])
    expect(outA).toContain(`appended ${PER_PROCESS}\n`)
    expect(outB).toContain(`appended ${PER_PROCESS}\n`)

    const store = SqliteSessionStore.open(path)
    cleanups.push(() => store.close())
    const turns = (await store.getSession('session-1'))!.turns
    expect(turns.map((t) => t.seq)).toEqual(
      Array.from({ length: 2 * PER_PROCESS }, (_, i) => i + 1),
    )
    // Interleaved, so the two really ran at once.
    const owners = turns.map((t) => t.id[0]).join('')
    expect(owners).not.toBe('a'.repeat(PER_PROCESS) + 'b'.repeat(PER_PROCESS))
    expect(owners).not.toBe('b'.repeat(PER_PROCESS) + 'a'.repeat(PER_PROCESS))
    // Whichever finished last read every turn of the other.
    const seen = (out: string) =>
      out
        .split('\n')
        .find((l) => l.startsWith('seen '))!
        .slice(5)
        .split(',')
    const last = [seen(outA), seen(outB)].sort((x, y) => y.length - x.length)[0]!
    expect(new Set(last)).toEqual(new Set(turns.map((t) => t.id)))
  }, 60_000)
})
