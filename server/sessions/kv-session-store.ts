import { z } from 'zod'
import type { Grade } from '../grading/grade-schema.js'
import { GradingJobSchema, type GradingClaim, type GradingJob } from './grading-job.js'
import {
  ACQUIRE_LEASE_SCRIPT,
  CLAIM_JOB_SCRIPT,
  ENQUEUE_JOB_SCRIPT,
  FINISH_JOB_SCRIPT,
  READ_HASH_SCRIPT,
  READ_SET_SCRIPT,
  RELEASE_LEASE_SCRIPT,
  RENEW_JOB_SCRIPT,
  RENEW_LEASE_SCRIPT,
} from './kv-lease-scripts.js'
import type { LeaseAttempt, SessionLease, TurnWriteOptions } from './session-lease.js'
import { APPEND_TURN_SCRIPT } from './kv-append-script.js'
import {
  decodeGrade,
  decodeSessionFields,
  decodeTurnRecord,
  encodeGrade,
  encodeSessionFields,
  encodeSessionPatch,
  encodeTurnRecord,
  parseStored,
} from './kv-codec.js'
import { fromOwnerMember, toOwnerMember, type KvKeys } from './kv-keys.js'
import {
  defineKvScript,
  runKvScript,
  type KvScript,
  type KvScriptRunner,
} from './kv-script-runner.js'
import {
  CREATE_SESSION_SCRIPT,
  FORK_SESSION_SCRIPT,
  LIST_OWNER_SCRIPT,
  READ_HASH_FIELD_SCRIPT,
  READ_SESSION_SCRIPT,
  READ_SESSIONS_SCRIPT,
  READ_STRING_SCRIPT,
  READ_TURN_SCRIPT,
  REPLACE_TURN_SCRIPT,
  SAVE_GRADE_SCRIPT,
  SET_SHARE_TOKEN_SCRIPT,
  UPDATE_SESSION_SCRIPT,
} from './kv-scripts.js'
import { readListCursor, nextListCursor } from './session-cursor.js'
import { TurnSchema, type Session, type SessionWithTurns, type Turn } from './session-schema.js'
import type { AppendResult, NewTurn, Page, SessionStore, TurnPatch } from './session-store.js'
import { fencedMessage, gaveUpMessage, SessionStoreError } from './session-store-error.js'

const Flag = z.union([z.literal(0), z.literal(1)])
const AppendReply = z.union([
  z.tuple([z.enum(['missing', 'conflict', 'fenced'])]),
  z.tuple([z.enum(['appended', 'duplicate']), z.number().int().positive(), z.string()]),
])
const ReadTurnReply = z.union([
  z.tuple([z.literal('missing')]),
  z.tuple([z.literal('found'), z.number().int().positive(), z.string()]),
])
const ReplaceReply = z.union([z.literal(0), z.literal(1), z.literal(2)])
const LeaseReply = z.union([
  z.tuple([z.literal('acquired'), z.number().int().positive()]),
  z.tuple([z.literal('held'), z.string(), z.number().int()]),
])
const ClaimReply = z.union([
  z.tuple([z.enum(['none', 'busy'])]),
  z.tuple([z.enum(['claimed', 'gave-up']), z.array(z.string())]),
])
const UpdatedSessionReply = z.union([
  z.tuple([z.literal('missing')]),
  z.tuple([z.literal('updated'), z.unknown()]),
])

/** KEYS[1] counter; ARGV delta, ttl in ms. Adds and (re)sets the TTL in one step. */
const ADD_TO_COUNTER_SCRIPT = defineKvScript(
  'add-to-counter',
  `local value = redis.call('INCRBY', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return value`,
)

/** How often updateTurn re-reads and retries when another writer changed the turn meanwhile. */
const MAX_TURN_UPDATE_ATTEMPTS = 10

/**
 * The SessionStore of Redis and Vercel KV (Upstash): every operation is one Lua script, run
 * atomically by the server, so any number of instances can share the data. RedisSessionStore
 * and VercelKvSessionStore only supply the client.
 *
 * Durability: a write is acknowledged once the server has applied it in memory, so it is as
 * durable as the server's persistence. See redis-session-store.ts for the Redis settings.
 */
export class KvSessionStore implements SessionStore {
  constructor(
    protected readonly runner: KvScriptRunner,
    protected readonly keys: KvKeys,
  ) {}

  async createSession(session: Session): Promise<void> {
    const keys = [this.keys.session(session.id), this.keys.ownerSessions(session.ownerId)]
    const args = [toOwnerMember(session), ...encodeSessionFields(session)]
    if ((await this.run(CREATE_SESSION_SCRIPT, Flag, keys, args)) === 0) {
      throw new SessionStoreError('conflict', `Session "${session.id}" already exists.`)
    }
  }

  async getSession(id: string): Promise<SessionWithTurns | null> {
    const keys = [this.keys.session(id), this.keys.turns(id)]
    const reply = z.tuple([z.unknown(), z.array(z.unknown())])
    const [fields, records] = await this.run(READ_SESSION_SCRIPT, reply, keys, [])
    const session = decodeSessionFields(fields, `session "${id}"`)
    if (!session) return null
    return { ...session, turns: records.map((r, i) => decodeTurnRecord(r, id, i + 1)) }
  }

  async listSessions(
    ownerId: string,
    opts: { limit: number; cursor?: string },
  ): Promise<Page<Session>> {
    const after = readListCursor(opts.cursor)
    const upper = after ? `(${toOwnerMember(after)}` : '+'
    const members = await this.run(
      LIST_OWNER_SCRIPT,
      z.array(z.string()),
      [this.keys.ownerSessions(ownerId)],
      [upper, String(opts.limit + 1)],
    )
    const ids = members.slice(0, opts.limit).map(fromOwnerMember)
    const hashes =
      ids.length === 0
        ? []
        : await this.run(
            READ_SESSIONS_SCRIPT,
            z.array(z.unknown()),
            ids.map((id) => this.keys.session(id)),
            [],
          )
    const items = hashes.flatMap((h, i) => decodeSessionFields(h, `session "${ids[i]}"`) ?? [])
    return {
      items,
      nextCursor: nextListCursor(members.length, opts.limit, items.at(-1)),
    }
  }

  async appendTurn(turn: NewTurn, opts: TurnWriteOptions = {}): Promise<AppendResult> {
    const id = turn.sessionId
    const keys = [
      this.keys.session(id),
      this.keys.turns(id),
      this.keys.turnIds(id),
      this.keys.clientIds(id),
      this.keys.leaseToken(id),
    ]
    const hasClient = turn.clientId !== null
    const args = [
      turn.id,
      encodeTurnRecord(turn),
      hasClient ? '1' : '0',
      turn.clientId ?? '',
      JSON.stringify(turn.createdAt),
      opts.fence ? String(opts.fence.token) : '',
    ]
    const reply = await this.run(APPEND_TURN_SCRIPT, AppendReply, keys, args)
    if (reply.length === 1) {
      if (reply[0] === 'missing') throw new SessionStoreError('not_found', `No session "${id}".`)
      if (reply[0] === 'fenced') {
        throw new SessionStoreError('fenced', fencedMessage(id, opts.fence?.token ?? 0))
      }
      throw new SessionStoreError(
        'conflict',
        `Turn "${turn.id}" of "${id}" differs from the stored one.`,
      )
    }
    const [status, seq, record] = reply
    return { status, turn: decodeTurnRecord(record, id, seq) }
  }

  async updateTurn(
    sessionId: string,
    turnId: string,
    patch: TurnPatch,
    opts: TurnWriteOptions = {},
  ): Promise<Turn> {
    const fence = opts.fence ? String(opts.fence.token) : ''
    const turnsKey = this.keys.turns(sessionId)
    const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
    for (let attempt = 0; attempt < MAX_TURN_UPDATE_ATTEMPTS; attempt += 1) {
      const reply = await this.run(
        READ_TURN_SCRIPT,
        ReadTurnReply,
        [this.keys.turnIds(sessionId), turnsKey],
        [turnId],
      )
      if (reply.length === 1) {
        throw new SessionStoreError('not_found', `No turn "${turnId}" in session "${sessionId}".`)
      }
      const [, seq, record] = reply
      const updated = TurnSchema.parse({ ...decodeTurnRecord(record, sessionId, seq), ...changes })
      const args = [String(seq - 1), record, encodeTurnRecord(updated), fence]
      const keys = [turnsKey, this.keys.leaseToken(sessionId)]
      const replaced = await this.run(REPLACE_TURN_SCRIPT, ReplaceReply, keys, args)
      if (replaced === 2) {
        throw new SessionStoreError('fenced', fencedMessage(sessionId, opts.fence?.token ?? 0))
      }
      if (replaced === 1) return updated
    }
    throw new SessionStoreError('conflict', `Turn "${turnId}" kept changing while updating it.`)
  }

  async updateSession(
    id: string,
    patch: Partial<Pick<Session, 'status' | 'updatedAt'>>,
  ): Promise<Session> {
    const args = encodeSessionPatch({ status: patch.status, updatedAt: patch.updatedAt })
    const reply = await this.run(
      UPDATE_SESSION_SCRIPT,
      UpdatedSessionReply,
      [this.keys.session(id)],
      args,
    )
    const session = reply[0] === 'updated' ? decodeSessionFields(reply[1], `session "${id}"`) : null
    if (!session) throw new SessionStoreError('not_found', `No session "${id}".`)
    return session
  }

  async forkSession(
    sourceId: string,
    uptoSeq: number,
    fork: Session,
  ): Promise<SessionWithTurns | null> {
    const k = this.keys
    const keys = [
      ...[k.session, k.turns, k.turnIds, k.clientIds].map((key) => key(sourceId)),
      ...[k.session, k.turns, k.turnIds, k.clientIds].map((key) => key(fork.id)),
      k.ownerSessions(fork.ownerId),
    ]
    const args = [String(uptoSeq), toOwnerMember(fork), ...encodeSessionFields(fork)]
    const reply = z.enum(['missing', 'conflict', 'forked'])
    const status = await this.run(FORK_SESSION_SCRIPT, reply, keys, args)
    if (status === 'missing') return null
    if (status === 'conflict') {
      throw new SessionStoreError('conflict', `Session "${fork.id}" already exists.`)
    }
    return this.getSession(fork.id)
  }

  async saveGrade(sessionId: string, grade: Grade): Promise<void> {
    const keys = [this.keys.session(sessionId), this.keys.grade(sessionId)]
    if ((await this.run(SAVE_GRADE_SCRIPT, Flag, keys, [encodeGrade(grade)])) === 0) {
      throw new SessionStoreError('not_found', `No session "${sessionId}".`)
    }
  }

  async getGrade(sessionId: string): Promise<Grade | null> {
    const keys = [this.keys.grade(sessionId)]
    const json = await this.run(READ_STRING_SCRIPT, z.string().nullable(), keys, [])
    return json === null ? null : decodeGrade(json, sessionId)
  }

  async setShareToken(sessionId: string, token: string | null): Promise<void> {
    const keys = [this.keys.session(sessionId), this.keys.shareTokens(), this.keys.shareOf()]
    const args = [sessionId, token === null ? '0' : '1', token ?? '']
    const reply = z.enum(['missing', 'conflict', 'set'])
    const status = await this.run(SET_SHARE_TOKEN_SCRIPT, reply, keys, args)
    if (status === 'missing') throw new SessionStoreError('not_found', `No session "${sessionId}".`)
    if (status === 'conflict') {
      throw new SessionStoreError('conflict', 'That share token belongs to another session.')
    }
  }

  async findSessionIdByShareToken(token: string): Promise<string | null> {
    const keys = [this.keys.shareTokens()]
    return this.run(READ_HASH_FIELD_SCRIPT, z.string().nullable(), keys, [token])
  }

  async acquireLease(sessionId: string, holder: string, ttlMs: number): Promise<LeaseAttempt> {
    const keys = [this.keys.lease(sessionId), this.keys.leaseToken(sessionId)]
    const reply = await this.run(ACQUIRE_LEASE_SCRIPT, LeaseReply, keys, [holder, String(ttlMs)])
    if (reply[0] === 'acquired') {
      return { status: 'acquired', lease: { sessionId, holder, token: reply[1] } }
    }
    return { status: 'held', holder: reply[1], retryInMs: Math.max(0, reply[2]) }
  }

  async renewLease(lease: SessionLease, ttlMs: number): Promise<boolean> {
    const args = [leaseValue(lease), String(ttlMs)]
    return (
      (await this.run(RENEW_LEASE_SCRIPT, Flag, [this.keys.lease(lease.sessionId)], args)) === 1
    )
  }

  async releaseLease(lease: SessionLease): Promise<void> {
    await this.run(
      RELEASE_LEASE_SCRIPT,
      Flag,
      [this.keys.lease(lease.sessionId)],
      [leaseValue(lease)],
    )
  }

  async enqueueGradingJob(sessionId: string, now: string): Promise<'queued' | 'already'> {
    return this.run(ENQUEUE_JOB_SCRIPT, z.enum(['queued', 'already']), this.jobKeys(sessionId), [
      sessionId,
      now,
    ])
  }

  async claimGradingJob(
    sessionId: string,
    claim: { holder: string; ttlMs: number; maxAttempts: number; now: string },
  ): Promise<GradingClaim> {
    const args = [
      sessionId,
      claim.holder,
      String(claim.ttlMs),
      String(claim.maxAttempts),
      claim.now,
      gaveUpMessage(claim.maxAttempts),
    ]
    const reply = await this.run(CLAIM_JOB_SCRIPT, ClaimReply, this.jobKeys(sessionId), args)
    if (reply.length === 1) return { status: reply[0] }
    return { status: reply[0], job: decodeJob(reply[1], sessionId) }
  }

  async listOpenGradingJobs(): Promise<string[]> {
    return this.run(READ_SET_SCRIPT, z.array(z.string()), [this.keys.gradingOpen()], [])
  }

  async renewGradingJob(
    sessionId: string,
    holder: string,
    ttlMs: number,
    message: string | null,
  ): Promise<boolean> {
    const keys = [this.keys.gradingLease(sessionId), this.keys.gradingJob(sessionId)]
    const args = [holder, String(ttlMs), message === null ? '0' : '1', message ?? '']
    return (await this.run(RENEW_JOB_SCRIPT, Flag, keys, args)) === 1
  }

  async finishGradingJob(
    sessionId: string,
    holder: string,
    outcome: { state: 'done' | 'failed'; message: string | null; now: string },
  ): Promise<boolean> {
    const keys = [
      this.keys.gradingLease(sessionId),
      this.keys.gradingJob(sessionId),
      this.keys.gradingOpen(),
    ]
    const { state, message, now } = outcome
    const args = [holder, state, message === null ? '0' : '1', message ?? '', now, sessionId]
    return (await this.run(FINISH_JOB_SCRIPT, Flag, keys, args)) === 1
  }

  async getGradingJob(sessionId: string): Promise<GradingJob | null> {
    const keys = [this.keys.gradingJob(sessionId)]
    const flat = await this.run(READ_HASH_SCRIPT, z.array(z.string()), keys, [])
    if (flat.length === 0) return null
    const job = decodeJob(flat, sessionId)
    if (job.state !== 'running') return job
    // A running job whose lease key has expired: its instance stopped mid-run.
    const lease = [this.keys.gradingLease(sessionId)]
    const holder = await this.run(READ_STRING_SCRIPT, z.string().nullable(), lease, [])
    return holder === null ? { ...job, interrupted: true } : job
  }

  async addToCounter(key: string, delta: number, ttlMs: number): Promise<number> {
    return this.run(
      ADD_TO_COUNTER_SCRIPT,
      z.number().int(),
      [this.keys.counter(key)],
      [String(delta), String(Math.max(1, Math.round(ttlMs)))],
    )
  }

  async close(): Promise<void> {
    await this.runner.close()
  }

  private jobKeys(sessionId: string): string[] {
    return [
      this.keys.gradingJob(sessionId),
      this.keys.gradingLease(sessionId),
      this.keys.gradingOpen(),
    ]
  }

  /** Runs a script and checks its reply's shape: a surprise there is damage, not a result. */
  private async run<S extends z.ZodType>(
    script: KvScript,
    reply: S,
    keys: string[],
    args: string[],
  ): Promise<z.infer<S>> {
    const raw = await runKvScript(this.runner, script, keys, args)
    return parseStored(reply, `reply of script "${script.name}"`, raw)
  }
}

function leaseValue(lease: SessionLease): string {
  return `${lease.token} ${lease.holder}`
}

/** A grading job from its flat hash (absent holder and message mean null). */
function decodeJob(flat: string[], sessionId: string): GradingJob {
  const record: Record<string, string> = {}
  for (let i = 0; i + 1 < flat.length; i += 2) record[flat[i]!] = flat[i + 1]!
  return parseStored(GradingJobSchema, `grading job of session "${sessionId}"`, {
    sessionId: record.sessionId,
    state: record.state,
    message: record.message ?? null,
    attempts: Number(record.attempts),
    holder: record.holder ?? null,
    updatedAt: record.updatedAt,
  })
}
