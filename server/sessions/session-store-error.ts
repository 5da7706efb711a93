/**
 * A store failure that is a bug or damage, not an expected outcome: writing to a session or turn
 * that does not exist, or reading a stored record that no longer matches its schema. The HTTP
 * error handler turns it into a 500 without internals; the message names the record for the log.
 */
export class SessionStoreError extends Error {
  constructor(
    readonly code:
      | 'not_found'
      | 'conflict'
      | 'bad_cursor'
      | 'corrupt'
      | 'schema_too_new'
      /** A turn write under a lease that another instance has since taken over. */
      | 'fenced'
      /** The SQLite file belongs to another running server (sqlite-instance-lock.ts). */
      | 'in_use'
      /** The SQLite file cannot be used: unwritable, not a database, or damaged (one line says which). */
      | 'unusable',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'SessionStoreError'
  }
}

/** The message of a refused write under a lease another instance has since taken over. */
export function fencedMessage(sessionId: string, token: number): string {
  return `Session "${sessionId}": lease token ${token} was superseded; this instance no longer runs its turns.`
}

/** The failure message of a grading job that ran out of attempts. */
export function gaveUpMessage(attempts: number): string {
  return `Grading failed: gave up after ${attempts} attempts (each instance running it stopped).`
}
