/**
 * A store failure the user should hear about in plain words: the disk is full, the database is
 * busy or unavailable, or a stored record is damaged. The HTTP error handler answers it with its
 * status (507, 503, 500) and the WebSocket with an error frame of the same code and message;
 * either way nothing stored before is lost (SQLite rolls the failed write back whole).
 */
export type StorageFailure = {
  status: 500 | 503 | 507
  code: 'storage:full' | 'storage:busy' | 'storage:unavailable' | 'storage:damaged'
  message: string
  /** For 503: when asking again can succeed (Retry-After). */
  retryAfterSeconds?: number
}

const FULL: StorageFailure = {
  status: 507,
  code: 'storage:full',
  message:
    "The server's disk is full, so this could not be saved. Everything saved before is kept; " +
    'try again in a few minutes (the operator has been told).',
}

const BUSY: StorageFailure = {
  status: 503,
  code: 'storage:busy',
  message: 'The database is busy. Try again in a moment.',
  retryAfterSeconds: 2,
}

const UNAVAILABLE: StorageFailure = {
  status: 503,
  code: 'storage:unavailable',
  message:
    'The server cannot write its data right now, so this was not saved. Everything saved ' +
    'before is kept; try again later (the operator has been told).',
  retryAfterSeconds: 30,
}

const DAMAGED: StorageFailure = {
  status: 500,
  code: 'storage:damaged',
  message:
    'Part of the stored data is damaged, so this could not be read or saved. Quote the ' +
    'request id to the operator.',
}

/** The failure a store error stands for, or null when it is not one of these (a bug). */
export function classifyStorageError(err: unknown): StorageFailure | null {
  const code = String((err as { code?: unknown } | null)?.code ?? '')
  const message = err instanceof Error ? err.message : ''
  // SQLite, Node's fs, and Redis at its maxmemory ("OOM command not allowed ...").
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || message.startsWith('OOM ')) return FULL
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return BUSY
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return DAMAGED
  if (
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_IOERR') ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'EROFS' ||
    code === 'EIO'
  ) {
    return UNAVAILABLE
  }
  return null
}
