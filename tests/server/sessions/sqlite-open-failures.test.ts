import { execFile } from 'node:child_process'
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
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { SessionStoreError } from '../../../server/sessions/session-store-error.js'
import { SqliteSessionStore } from '../../../server/sessions/sqlite-session-store.js'
import { asOrdinaryUser } from '../../support/ordinary-user.js'
import { makeSession, makeTurn } from '../../support/session-fixtures.js'
import { useTempDirs } from '../../support/temp-dirs.js'

// Opening a file the server cannot use must fail as an `unusable` SessionStoreError whose one
// line names the file and what to do (main.ts prints it as is), never a raw SQLITE_* stack.

const tempDir = useTempDirs('sparring-open')

function openError(path: string): SessionStoreError {
  try {
    SqliteSessionStore.open(path).close()
  } catch (err) {
    expect(err).toBeInstanceOf(SessionStoreError)
    return err as SessionStoreError
  }
  throw new Error(`opening ${path} succeeded`)
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** Opens the store at `path` in a child process run as `user`; what open threw, as JSON. */
async function openErrorInChild(
  path: string,
  home: string,
  user: { uid?: number; gid?: number },
): Promise<SessionStoreError> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'tests/support/open-sqlite-store.ts', path],
    // tsx keeps its cache under TMPDIR: the child's own, so only the folder under test refuses.
    { cwd: ROOT, env: { PATH: process.env.PATH, TMPDIR: home, HOME: home }, ...user },
  )
  const result = JSON.parse(stdout) as { opened?: true; name?: string; code?: string }
  expect(result.opened, `opening ${path} succeeded`).toBeUndefined()
  expect(result.name).toBe('SessionStoreError')
  return result as SessionStoreError
}

function expectOneLine(err: SessionStoreError, path: string, what: RegExp) {
  expect(err.code).toBe('unusable')
  expect(err.message).not.toContain('\n')
  expect(err.message).toContain(path)
  expect(err.message).toMatch(what)
}

/** A real database of a few hundred pages: 40 sessions of 20 turns of 1 KB. */
async function fillDatabase(path: string): Promise<void> {
  const store = SqliteSessionStore.open(path)
  for (let s = 0; s < 40; s++) {
    await store.createSession(makeSession({ id: `s${s}` }))
    for (let t = 0; t < 20; t++) {
      await store.appendTurn(
        makeTurn({ id: `t${t}`, sessionId: `s${s}`, text: `answer ${t} `.repeat(100) }),
      )
    }
  }
  // Closing the last connection checkpoints the WAL into the file and removes it.
  await store.close()
}

describe('SqliteSessionStore.open on a file it cannot use', () => {
  it('a file that is not a database: says so and what to do (was a raw SQLITE_NOTADB)', () => {
    const path = join(tempDir(), 'sparring.db')
    writeFileSync(path, Buffer.alloc(8192, 7))
    expectOneLine(openError(path), path, /not a SQLite database.*backup/)
  })

  it('a path it cannot open (a folder where the file should be): names it (was SQLITE_CANTOPEN)', () => {
    const path = join(tempDir(), 'sparring.db')
    mkdirSync(path)
    expectOneLine(openError(path), path, /SQLITE_CANTOPEN.*can write.*DATA_DIR/)
  })

  it('a DATA_DIR that is a file: the folder cannot be made, says which', () => {
    const file = join(tempDir(), 'data')
    writeFileSync(file, 'not a folder')
    const path = join(file, 'sparring.db')
    expectOneLine(openError(path), path, /(EEXIST|ENOTDIR).*must be a folder.*DATA_DIR/)
  })

  // Root writes through any mode and CI runs as root: the store is opened in a child process
  // run as nobody there (asOrdinaryUser), for whom the 0500 folder is read-only.
  it('a read-only DATA_DIR: says it must be writable', async () => {
    const home = tempDir()
    const dir = join(home, 'data')
    mkdirSync(dir)
    const user = asOrdinaryUser(home, dir)
    chmodSync(dir, 0o500)
    const path = join(dir, 'sparring.db')
    expectOneLine(await openErrorInChild(path, home, user), path, /can write/)
    expect(readdirSync(dir)).toEqual([])
  })

  it('damage in the middle of the file is found at open by the integrity check', async () => {
    const path = join(tempDir(), 'sparring.db')
    await fillDatabase(path)
    const pages = statSync(path).size / 4096
    expect(pages).toBeGreaterThan(100)
    // Garbage over one page half-way: the header and schema pages are intact, so without the
    // check the file opens and migrates cleanly and only the sessions on that page fail later.
    const fd = openSync(path, 'r+')
    writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, Math.floor(pages / 2) * 4096)
    closeSync(fd)
    expectOneLine(openError(path), path, /damaged \(integrity check: .+\).*\.recover/)
  })

  it('an intact file passes the check and keeps its data', async () => {
    const path = join(tempDir(), 'sparring.db')
    await fillDatabase(path)
    const store = SqliteSessionStore.open(path)
    expect((await store.getSession('s39'))?.turns).toHaveLength(20)
    await store.close()
  })
})
