import type { Grade } from '../grading/grade-schema.js'
import type { GradingClaim, GradingJob } from './grading-job.js'
import type { LeaseAttempt, SessionLease, TurnWriteOptions } from './session-lease.js'
import { readListCursor, nextListCursor, isNewerThan } from './session-cursor.js'
import type { Session, SessionWithTurns, Turn } from './session-schema.js'
import type { AppendResult, NewTurn, Page, SessionStore, TurnPatch } from './session-store.js'
import { fencedMessage, gaveUpMessage, SessionStoreError } from './session-store-error.js'

/**
 * A SessionStore in process memory, for unit tests: the same semantics as the durable stores
 * (the shared contract suite runs against every store). Records are copied in and out so callers can
 * never mutate stored state by accident.
 */
export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, Session>()
  private readonly turns = new Map<string, Turn[]>()
  private readonly grades = new Map<string, Grade>()
  private readonly shareTokens = new Map<string, string>()
  /** The live (or expired, not yet taken) lease per session, and the latest token issued. */
  private readonly leases = new Map<string, { holder: string; token: number; until: number }>()
  private readonly leaseTokens = new Map<string, number>()
  private readonly jobs = new Map<string, GradingJob & { leaseUntil: number }>()
  private readonly counters = new Map<string, { value: number; until: number }>()

  /** `now`: the clock leases expire by, in ms (injectable for tests). */
  constructor(private readonly now: () => number = Date.now) {}

  async createSession(session: Session): Promise<void> {
    if (this.sessions.has(session.id)) {
      throw new SessionStoreError('conflict', `Session "${session.id}" already exists.`)
    }
    this.sessions.set(session.id, structuredClone(session))
    this.turns.set(session.id, [])
  }

  async getSession(id: string): Promise<SessionWithTurns | null> {
    const session = this.sessions.get(id)
    if (!session) return null
    return structuredClone({ ...session, turns: this.turns.get(id) ?? [] })
  }

  async listSessions(
    ownerId: string,
    opts: { limit: number; cursor?: string },
  ): Promise<Page<Session>> {
    const after = readListCursor(opts.cursor)
    const mine = [...this.sessions.values()]
      .filter((s) => s.ownerId === ownerId && (!after || isNewerThan(after, s)))
      .sort((a, b) => (isNewerThan(a, b) ? -1 : 1))
    const items = mine.slice(0, opts.limit)
    const nextCursor = nextListCursor(mine.length, opts.limit, items.at(-1))
    return { items: structuredClone(items), nextCursor }
  }

  async appendTurn(turn: NewTurn, opts: TurnWriteOptions = {}): Promise<AppendResult> {
    const session = this.requireSession(turn.sessionId)
    this.checkFence(turn.sessionId, opts)
    const turns = this.turns.get(turn.sessionId) ?? []
    const earlier =
      turn.clientId === null ? undefined : turns.find((t) => t.clientId === turn.clientId)
    if (earlier) return { status: 'duplicate', turn: structuredClone(earlier) }
    const stored: Turn = { ...structuredClone(turn), seq: (turns.at(-1)?.seq ?? 0) + 1 }
    turns.push(stored)
    this.sessions.set(session.id, { ...session, updatedAt: turn.createdAt })
    return { status: 'appended', turn: structuredClone(stored) }
  }

  async updateTurn(
    sessionId: string,
    turnId: string,
    patch: TurnPatch,
    opts: TurnWriteOptions = {},
  ): Promise<Turn> {
    this.checkFence(sessionId, opts)
    const turns = this.turns.get(sessionId) ?? []
    const index = turns.findIndex((t) => t.id === turnId)
    const current = turns[index]
    if (!current) {
      throw new SessionStoreError('not_found', `No turn "${turnId}" in session "${sessionId}".`)
    }
    const updated = { ...current, ...structuredClone(patch) }
    turns[index] = updated
    return structuredClone(updated)
  }

  async updateSession(
    id: string,
    patch: Partial<Pick<Session, 'status' | 'updatedAt'>>,
  ): Promise<Session> {
    const updated = { ...this.requireSession(id), ...patch }
    this.sessions.set(id, updated)
    return structuredClone(updated)
  }

  async forkSession(
    sourceId: string,
    uptoSeq: number,
    fork: Session,
  ): Promise<SessionWithTurns | null> {
    const source = this.sessions.get(sourceId)
    if (!source) return null
    const copied = (this.turns.get(sourceId) ?? [])
      .filter((t) => t.seq <= uptoSeq)
      .map((t) => ({ ...structuredClone(t), sessionId: fork.id }))
    await this.createSession(fork)
    this.turns.set(fork.id, copied)
    return this.getSession(fork.id)
  }

  async saveGrade(sessionId: string, grade: Grade): Promise<void> {
    this.requireSession(sessionId)
    this.grades.set(sessionId, structuredClone(grade))
  }

  async getGrade(sessionId: string): Promise<Grade | null> {
    const grade = this.grades.get(sessionId)
    return grade ? structuredClone(grade) : null
  }

  async setShareToken(sessionId: string, token: string | null): Promise<void> {
    this.requireSession(sessionId)
    for (const [t, id] of this.shareTokens) if (id === sessionId) this.shareTokens.delete(t)
    if (token !== null) this.shareTokens.set(token, sessionId)
  }

  async findSessionIdByShareToken(token: string): Promise<string | null> {
    return this.shareTokens.get(token) ?? null
  }

  async acquireLease(sessionId: string, holder: string, ttlMs: number): Promise<LeaseAttempt> {
    const current = this.leases.get(sessionId)
    const now = this.now()
    if (current && current.until > now && current.holder !== holder) {
      return { status: 'held', holder: current.holder, retryInMs: current.until - now }
    }
    const token =
      current && current.until > now ? current.token : (this.leaseTokens.get(sessionId) ?? 0) + 1
    this.leaseTokens.set(sessionId, token)
    this.leases.set(sessionId, { holder, token, until: now + ttlMs })
    return { status: 'acquired', lease: { sessionId, holder, token } }
  }

  async renewLease(lease: SessionLease, ttlMs: number): Promise<boolean> {
    const current = this.liveLease(lease)
    if (!current) return false
    current.until = this.now() + ttlMs
    return true
  }

  async releaseLease(lease: SessionLease): Promise<void> {
    if (this.liveLease(lease)) this.leases.delete(lease.sessionId)
  }

  async enqueueGradingJob(sessionId: string, now: string): Promise<'queued' | 'already'> {
    const job = this.jobs.get(sessionId)
    if (job && (job.state === 'queued' || (job.state === 'running' && job.leaseUntil > this.now())))
      return 'already'
    this.jobs.set(sessionId, {
      sessionId,
      state: 'queued',
      message: 'Waiting to be graded.',
      attempts: 0,
      holder: null,
      updatedAt: now,
      leaseUntil: 0,
    })
    return 'queued'
  }

  async claimGradingJob(
    sessionId: string,
    claim: { holder: string; ttlMs: number; maxAttempts: number; now: string },
  ): Promise<GradingClaim> {
    const job = this.jobs.get(sessionId)
    if (!job || job.state === 'done' || job.state === 'failed') return { status: 'none' }
    if (job.state === 'running' && job.leaseUntil > this.now()) return { status: 'busy' }
    if (job.attempts >= claim.maxAttempts) {
      Object.assign(job, {
        state: 'failed',
        message: gaveUpMessage(job.attempts),
        holder: null,
        updatedAt: claim.now,
      })
      return { status: 'gave-up', job: withoutLease(job) }
    }
    Object.assign(job, {
      state: 'running',
      message: 'Grading in progress.',
      attempts: job.attempts + 1,
      holder: claim.holder,
      updatedAt: claim.now,
      leaseUntil: this.now() + claim.ttlMs,
    })
    return { status: 'claimed', job: withoutLease(job) }
  }

  async listOpenGradingJobs(): Promise<string[]> {
    return [...this.jobs.values()]
      .filter((j) => j.state === 'queued' || j.state === 'running')
      .map((j) => j.sessionId)
  }

  async renewGradingJob(
    sessionId: string,
    holder: string,
    ttlMs: number,
    message: string | null,
  ): Promise<boolean> {
    const job = this.heldJob(sessionId, holder)
    if (!job) return false
    job.leaseUntil = this.now() + ttlMs
    if (message !== null) job.message = message
    return true
  }

  async finishGradingJob(
    sessionId: string,
    holder: string,
    outcome: { state: 'done' | 'failed'; message: string | null; now: string },
  ): Promise<boolean> {
    const job = this.heldJob(sessionId, holder)
    if (!job) return false
    Object.assign(job, { ...outcome, updatedAt: outcome.now, holder: null, leaseUntil: 0 })
    delete (job as { now?: string }).now
    return true
  }

  async getGradingJob(sessionId: string): Promise<GradingJob | null> {
    const job = this.jobs.get(sessionId)
    if (!job) return null
    const expired = job.state === 'running' && job.leaseUntil <= this.now()
    return expired ? { ...withoutLease(job), interrupted: true } : withoutLease(job)
  }

  async addToCounter(key: string, delta: number, ttlMs: number): Promise<number> {
    const now = this.now()
    const current = this.counters.get(key)
    const value = (current && current.until > now ? current.value : 0) + delta
    this.counters.set(key, { value, until: now + ttlMs })
    return value
  }

  async close(): Promise<void> {}

  /** The stored lease when `lease` is still it and has not expired. */
  private liveLease(lease: SessionLease) {
    const current = this.leases.get(lease.sessionId)
    const live =
      current &&
      current.holder === lease.holder &&
      current.token === lease.token &&
      current.until > this.now()
    return live ? current : null
  }

  private heldJob(sessionId: string, holder: string) {
    const job = this.jobs.get(sessionId)
    const held = job?.state === 'running' && job.holder === holder && job.leaseUntil > this.now()
    return held ? job : null
  }

  private checkFence(sessionId: string, opts: TurnWriteOptions): void {
    const fence = opts.fence
    if (fence && this.leaseTokens.get(sessionId) !== fence.token) {
      throw new SessionStoreError('fenced', fencedMessage(sessionId, fence.token))
    }
  }

  private requireSession(id: string): Session {
    const session = this.sessions.get(id)
    if (!session) throw new SessionStoreError('not_found', `No session "${id}".`)
    return session
  }
}

function withoutLease({ leaseUntil: _until, ...job }: GradingJob & { leaseUntil: number }) {
  return structuredClone(job)
}
