/**
 * A store failure that is a bug or damage, not an expected outcome: writing to a session or turn
 * that does not exist, or reading a stored record that no longer matches its schema. The HTTP
 * error handler turns it into a 500 without internals; the message names the record for the log.
 */
export class SessionStoreError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'bad_cursor' | 'corrupt' | 'schema_too_new',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'SessionStoreError'
  }
}
