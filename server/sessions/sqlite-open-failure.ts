import { dirname } from 'node:path'
import type Database from 'better-sqlite3'
import { SessionStoreError } from './session-store-error.js'

/** Error codes of a file or folder this process may not write (SQLite's and the OS's). */
const UNWRITABLE = new Set([
  'SQLITE_CANTOPEN',
  'SQLITE_READONLY',
  'SQLITE_READONLY_DIRECTORY',
  'SQLITE_READONLY_DBMOVED',
  'SQLITE_IOERR_ACCESS',
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOTDIR',
  // mkdir -p through a path whose folder is a file.
  'EEXIST',
])

const codeOf = (err: unknown): string | undefined =>
  (err as { code?: unknown } | null)?.code?.toString()

/**
 * What opening the SQLite file at `path` failed on, as one line for the operator: what happened,
 * which file, what to do. Returns an `unusable` SessionStoreError, or the error itself when it is
 * not one of the known failures (a bug, which keeps its stack).
 */
export function describeSqliteOpenFailure(err: unknown, path: string): unknown {
  if (err instanceof SessionStoreError) return err
  const code = codeOf(err) ?? ''
  const why = err instanceof Error ? err.message : String(err)
  if (code === 'SQLITE_NOTADB') {
    return unusable(
      `The database file ${path} is not a SQLite database (damaged, or another kind of file). ` +
        'Restore it from a backup, or move it aside to start with an empty database.',
      err,
    )
  }
  if (code.startsWith('SQLITE_CORRUPT')) return damaged(path, why, err)
  if (UNWRITABLE.has(code) || code.startsWith('SQLITE_READONLY')) {
    return unusable(
      `Cannot open the database file ${path} for writing (${code}: ${why}). The folder ` +
        `${dirname(path)} must be a folder (or creatable as one) that this user can write, since SQLite ` +
        'writes -wal and -shm files beside the database; fix its permissions, or set DATA_DIR ' +
        '(or DATABASE_PATH) to a writable folder.',
      err,
    )
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return unusable(
      `The disk holding ${path} is full (${code}). Free some space, or move DATA_DIR to a ` +
        'bigger disk, then start again.',
      err,
    )
  }
  return err
}

/**
 * PRAGMA quick_check: reads every page of the file (not the cross-checks of indexes against
 * tables that integrity_check adds), so damage in the middle of the file is found at start
 * rather than as a 500 on whichever session sits on the bad page. Throws an `unusable` error
 * naming the file and the first problem found.
 */
export function checkSqliteIntegrity(db: Database.Database, path: string): void {
  let problems: string[]
  try {
    problems = (db.pragma('quick_check(5)') as { quick_check: string }[]).map((r) => r.quick_check)
  } catch (err) {
    throw describeSqliteOpenFailure(err, path)
  }
  if (problems.length === 1 && problems[0] === 'ok') return
  throw damaged(path, problems.join('; '))
}

function damaged(path: string, problem: string, cause?: unknown): SessionStoreError {
  return unusable(
    `The database file ${path} is damaged (integrity check: ${problem}). Stop the server and ` +
      `restore the file from a backup, or recover what is readable into a new file with ` +
      `\`sqlite3 ${path} .recover | sqlite3 recovered.db\` and point DATABASE_PATH at it.`,
    cause,
  )
}

function unusable(message: string, cause?: unknown): SessionStoreError {
  return new SessionStoreError('unusable', message, { cause })
}
