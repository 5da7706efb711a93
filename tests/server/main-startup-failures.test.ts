import { spawn } from 'node:child_process'
import {
  chmodSync,
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SqliteSessionStore } from '../../server/sessions/sqlite-session-store.js'
import { asOrdinaryUser } from '../support/ordinary-user.js'
import { makeSession, makeTurn } from '../support/session-fixtures.js'
import { useTempDirs } from '../support/temp-dirs.js'

/**
 * Issue 11, item 4: the real entry file (server/main.ts) on a data folder or database it cannot
 * use stops with exit code 1 and one line on stderr that names the file and what to do; before,
 * it printed a raw SQLITE_NOTADB / SQLITE_CANTOPEN stack, and damage in the middle of the file
 * was not noticed at all.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const tempDir = useTempDirs('sparring-start')

/**
 * Runs server/main.ts until it exits (it must, here); resolves with its code and output.
 * `user`: the uid and gid to run it as (asOrdinaryUser), when a file mode must hold.
 */
function runServer(
  env: Record<string, string>,
  user: { uid?: number; gid?: number } = {},
): Promise<{ code: number | null; stderr: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    ...user,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: '0',
      HOST: '127.0.0.1',
      SESSION_SECRET: 'a'.repeat(32),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  let stdout = ''
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  proc.stdout.on('data', (d: Buffer) => {
    stdout += d.toString()
    // It started, which none of these cases may do: stop it so the test fails, not hangs.
    if (stdout.includes('Sparring on http')) proc.kill('SIGKILL')
  })
  return new Promise((resolve) => proc.on('exit', (code) => resolve({ code, stderr })))
}

function expectOneLine(run: { code: number | null; stderr: string }, ...parts: RegExp[]) {
  expect(run.code).toBe(1)
  const lines = run.stderr.trim().split('\n')
  expect(lines, run.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(/^Sparring cannot start: /)
  for (const part of parts) expect(lines[0]).toMatch(part)
}

describe('the server stops with one line on a database it cannot use', () => {
  it('a file that is not a database (SQLITE_NOTADB)', async () => {
    const path = join(tempDir(), 'sparring.db')
    writeFileSync(path, Buffer.alloc(8192, 7))
    const run = await runServer({ DATABASE_PATH: path })
    expectOneLine(run, new RegExp(path), /not a SQLite database/, /backup/)
  })

  it('a database damaged in the middle, found by the integrity check at start', async () => {
    const path = join(tempDir(), 'sparring.db')
    const store = SqliteSessionStore.open(path)
    for (let s = 0; s < 30; s++) {
      await store.createSession(makeSession({ id: `s${s}` }))
      for (let t = 0; t < 20; t++) {
        await store.appendTurn(
          makeTurn({ id: `t${t}`, sessionId: `s${s}`, text: 'x'.repeat(1000) }),
        )
      }
    }
    await store.close()
    const pages = statSync(path).size / 4096
    const fd = openSync(path, 'r+')
    writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, Math.floor(pages / 2) * 4096)
    closeSync(fd)
    const run = await runServer({ DATABASE_PATH: path })
    expectOneLine(run, new RegExp(path), /damaged \(integrity check/, /\.recover/)
  })

  it('a DATA_DIR that cannot be a folder (SQLITE_CANTOPEN before)', async () => {
    const dataDir = join(tempDir(), 'data')
    writeFileSync(dataDir, 'a file, not a folder')
    const run = await runServer({ DATA_DIR: dataDir })
    expectOneLine(run, new RegExp(join(dataDir, 'sparring.db')), /DATA_DIR/)
  })

  // As root (CI) the server runs as nobody, for whom the 0500 folder is read-only as it would be
  // for its owner: root itself writes through any mode, and the case would test nothing.
  it('a read-only DATA_DIR (SQLITE_CANTOPEN before): says it must be writable', async () => {
    const home = tempDir()
    const dataDir = join(home, 'data')
    mkdirSync(dataDir)
    // tsx keeps its cache under TMPDIR: the child's own, writable, so only DATA_DIR refuses.
    const user = asOrdinaryUser(home, dataDir)
    chmodSync(dataDir, 0o500)
    const run = await runServer({ DATA_DIR: dataDir, TMPDIR: home, HOME: home }, user)
    expectOneLine(
      run,
      new RegExp(join(dataDir, 'sparring.db')),
      /SQLITE_CANTOPEN|EACCES/,
      /can write/,
      /DATA_DIR/,
    )
    // Nothing was written into it: the refusal came from the folder's mode.
    expect(readdirSync(dataDir)).toEqual([])
  })

  it('a DATA_DIR where the cookie secret cannot be written', async () => {
    const dir = tempDir()
    const dataDir = join(dir, 'data')
    writeFileSync(dataDir, 'a file, not a folder')
    const run = await runServer({
      DATA_DIR: dataDir,
      DATABASE_PATH: join(dir, 'sparring.db'),
      SESSION_SECRET: '',
    })
    expectOneLine(run, new RegExp(join(dataDir, 'session-secret')), /SESSION_SECRET/)
  })
})
