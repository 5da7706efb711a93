/**
 * The lease of a live session: the one instance allowed to run the session's turns. Taken with
 * a TTL, renewed while the turn streams, released at its end; when the holder dies it simply
 * expires and the next instance takes it over with a higher fencing token. Turn writes carry
 * that token (`TurnWriteOptions.fence`), and the store refuses one whose token is no longer the
 * latest issued: a holder that stalled past its TTL (a GC pause, a frozen VM) and wakes up after
 * a takeover cannot append or complete a turn behind the new holder's back.
 */
export type SessionLease = {
  sessionId: string
  /** Who holds it: one id per server process (see createInstanceId). */
  holder: string
  /** Grows by one at every new grant of the session's lease (never reused, even after release). */
  token: number
}

export type LeaseAttempt =
  | { status: 'acquired'; lease: SessionLease }
  /** Another holder has it; it expires in `retryInMs` unless renewed. */
  | { status: 'held'; holder: string; retryInMs: number }

/** What a turn write may carry: the lease it is written under. Absent: unfenced (tests, CLI). */
export type TurnWriteOptions = { fence?: SessionLease }

/**
 * The lease operations every SessionStore provides. Expiry is measured by the store's own clock
 * (Redis key TTLs; the process clock for SQLite and memory), never compared across machines.
 */
export interface SessionLeaseStore {
  /**
   * Takes the lease when it is free or expired (a new token), or renews it when `holder`
   * already has it (the same token).
   */
  acquireLease(sessionId: string, holder: string, ttlMs: number): Promise<LeaseAttempt>
  /** Extends the lease by ttlMs from now; false when it was lost (expired and taken, or released). */
  renewLease(lease: SessionLease, ttlMs: number): Promise<boolean>
  /** Gives it up at once, if still held by this lease; the token stays spent. */
  releaseLease(lease: SessionLease): Promise<void>
}
