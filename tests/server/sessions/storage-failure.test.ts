import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { classifyStorageError } from '../../../server/sessions/storage-failure.js'

const sqlite = (code: string) => new Database.SqliteError('failed', code)

describe('classifyStorageError', () => {
  it.each([
    [sqlite('SQLITE_FULL'), 507, 'storage:full'],
    [Object.assign(new Error('no space'), { code: 'ENOSPC' }), 507, 'storage:full'],
    [new Error("OOM command not allowed when used memory > 'maxmemory'."), 507, 'storage:full'],
    [sqlite('SQLITE_BUSY'), 503, 'storage:busy'],
    [sqlite('SQLITE_IOERR_WRITE'), 503, 'storage:unavailable'],
    [sqlite('SQLITE_READONLY'), 503, 'storage:unavailable'],
    [sqlite('SQLITE_CORRUPT'), 500, 'storage:damaged'],
  ])('%s is %i %s', (err, status, code) => {
    expect(classifyStorageError(err)).toMatchObject({ status, code })
  })

  it('leaves other errors (bugs) alone', () => {
    expect(classifyStorageError(new TypeError('x is undefined'))).toBeNull()
    expect(classifyStorageError(sqlite('SQLITE_CONSTRAINT_PRIMARYKEY'))).toBeNull()
  })
})
