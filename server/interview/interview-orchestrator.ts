import { ProtocolErrorCode } from '../protocol/interview-protocol.js'
import type { QuestionBank } from '../questions/question-bank.js'
import type { SessionWithTurns, Turn, TurnKind } from '../sessions/session-schema.js'
import type { SessionStore } from '../sessions/session-store.js'
import { buildInterviewContext } from './build-interview-context.js'
import type { CoverageSource } from './coverage-source.js'
import { countFollowUps, sessionDeadline, toLiveTurn } from './interview-progress.js'
import type { CommandResult, OutboundMessage, SessionPublisher } from './interview-messages.js'
import type { EndReason, InterviewerEngine, InterviewTrigger } from './interviewer-engine.js'
import { runInterviewerTurn } from './interviewer-turn-runner.js'
import { isInjectionAttempt } from './injection-detector.js'
import { checkSessionLimits, type SessionLimits } from './session-limits.js'
import { readsAsClarifyingQuestion } from './question-as-answer.js'
import type { HeldLease, LeaseKeeper } from '../sessions/session-lease-keeper.js'

export type InterviewOrchestratorDeps = {
  store: SessionStore
  bank: QuestionBank
  engine: InterviewerEngine
  fallback: InterviewerEngine
  /** Coverage maps: awaited, so they may be computed off the main thread (coverage-worker-pool.ts). */
  coverage: CoverageSource
  clock: () => Date
  newId: () => string
  publish: SessionPublisher
  /**
   * Several instances: a turn runs only under the session's lease in the store (the store
   * given here is then withLeaseFence's, so the turn's writes are fenced). Absent: one process.
   */
  leases?: LeaseKeeper
  /** Whether any socket (on this instance) still follows the session; retries stop when not. */
  isWatched?: (sessionId: string) => boolean
  /** Turns and text one session may hold; DEFAULT_SESSION_LIMITS when absent. */
  sessionLimits?: SessionLimits
}

/** A candidate command, already validated by the protocol schema. */
export type CandidateCommand =
  | { type: 'answer'; clientId: string; text: string }
  | { type: 'clarify'; clientId: string; text: string }
  | { type: 'skip'; clientId: string }
  | { type: 'end' }

/** Replies to the one socket that sent a command (a retried answer's stored turn). */
export type DirectReply = (message: OutboundMessage) => void

type Live = {
  controller: AbortController
  done: Promise<void>
  /**
   * The turn's work is over (its turn-end is out) and only the lease release is left: a command
   * that arrives now waits for it rather than being told to wait for the interviewer.
   */
  settling: boolean
}

/** How long a candidate command waits for another instance to release a lease it is done with. */
const LEASE_HANDOVER_WAIT_MS = 2000
const LEASE_HANDOVER_POLL_MS = 50

const CANDIDATE_KIND: Record<'answer' | 'clarify' | 'skip', TurnKind> = {
  answer: 'answer',
  clarify: 'clarifying-question',
  skip: 'skip',
}

/**
 * Runs interviews, transport-free. One turn at a time per session: a command that arrives while
 * the interviewer is streaming gets `conflict:turn_in_progress` (a retry of an answer already
 * stored gets that stored turn back instead). Candidate turns are stored before they are
 * acknowledged; interviewer turns stream in the background, so pings and commands of other
 * sockets are never stuck behind a turn.
 */
export function createInterviewOrchestrator(deps: InterviewOrchestratorDeps) {
  const live = new Map<string, Live>()
  /** Sessions with a command between its checks and its stored turn. */
  const claimed = new Set<string>()
  const busy = (id: string) => live.has(id) || claimed.has(id)

  /**
   * Runs `work` as the session's one turn in flight, aborted by `abort(id)`. With leases, under
   * the session's lease (`held`, or taken now): when another instance holds it, nothing runs
   * here and resumePending is tried again when that lease would expire, so a turn whose
   * instance died is picked up by this one.
   */
  function startTurn(
    sessionId: string,
    work: (signal: AbortSignal) => Promise<void>,
    held?: HeldLease,
  ): void {
    const controller = new AbortController()
    const entry: Live = { controller, done: Promise.resolve(), settling: false }
    const settle = () => void (entry.settling = true)
    const underLease = async () => {
      if (!deps.leases) return work(controller.signal).finally(settle)
      const taken = held ? { ok: true as const, held } : await deps.leases.acquire(sessionId)
      if (!taken.ok) return retryWhenFree(sessionId, taken.retryInMs)
      taken.held.onLost(() => controller.abort())
      try {
        await taken.held.run(() => work(controller.signal)).finally(settle)
      } finally {
        await taken.held.release()
      }
    }
    const done = underLease()
      .catch((err: unknown) => {
        deps.publish(sessionId, {
          type: 'notice',
          level: 'error',
          code: 'internal:turn_failed',
          message: 'The interviewer could not finish this turn. Send your answer again.',
        })
        console.error(`session ${sessionId}: interviewer turn failed`, err)
      })
      .finally(() => live.delete(sessionId))
    entry.done = done
    live.set(sessionId, entry)
  }

  /**
   * The session's lease for a candidate command. When another instance holds it but the session
   * shows nothing streaming (its last interviewer turn is complete), that holder is between its
   * turn-end and its release: wait for the release, briefly, instead of refusing the answer.
   */
  async function acquireForCommand(leases: LeaseKeeper, session: SessionWithTurns) {
    const deadline = Date.now() + LEASE_HANDOVER_WAIT_MS
    for (;;) {
      const taken = await leases.acquire(session.id)
      if (taken.ok || Date.now() >= deadline) return taken
      const last = session.turns.at(-1)
      if (last && last.role === 'interviewer' && last.completedAt === null) return taken
      await new Promise((resolve) => setTimeout(resolve, LEASE_HANDOVER_POLL_MS))
    }
  }

  function retryWhenFree(sessionId: string, retryInMs: number) {
    const timer = setTimeout(() => {
      if (deps.isWatched && !deps.isWatched(sessionId)) return
      orchestrator.resumePending(sessionId).catch((err: unknown) => {
        console.error(`session ${sessionId}: resuming after a lease failed`, err)
      })
    }, retryInMs + 50)
    timer.unref()
  }

  const context = (session: SessionWithTurns, trigger: InterviewTrigger) =>
    buildInterviewContext(deps, session, trigger)

  /** The interviewer's reply to a stored candidate turn, or the closing when budget or time is up. */
  async function reply(session: SessionWithTurns, candidate: Turn, signal: AbortSignal) {
    if (candidate.kind !== 'clarifying-question') {
      const timeUp = isPastDeadline(session)
      if (timeUp || countFollowUps(session.turns) >= session.options.followUpBudget) {
        return close(session, timeUp ? 'time' : 'budget', signal)
      }
    }
    const trigger = triggerOf(candidate)
    const kind: TurnKind =
      trigger.type === 'clarify'
        ? 'clarification'
        : trigger.type === 'answer' && isInjectionAttempt(trigger.turn.text)
          ? 'redirect'
          : trigger.type === 'answer' && session.mode === 'drill'
            ? 'verdict'
            : 'follow-up'
    const ctx = await context(session, trigger)
    await runInterviewerTurn(deps, { context: ctx, kind, signal })
  }

  async function close(session: SessionWithTurns, reason: EndReason, signal: AbortSignal) {
    await runInterviewerTurn(deps, {
      context: await context(session, { type: 'closing', reason }),
      kind: 'closing',
      signal,
    })
    await deps.store.updateSession(session.id, { status: 'ended', updatedAt: now() })
    deps.publish(session.id, { type: 'session-ended', reason })
  }

  const now = () => deps.clock().toISOString()
  const isPastDeadline = (session: SessionWithTurns) => {
    const deadline = sessionDeadline(session)
    return deadline !== null && deps.clock().getTime() >= deadline.getTime()
  }
  const reload = async (id: string) => {
    const session = await deps.store.getSession(id)
    if (!session) throw new Error(`session ${id} vanished`)
    return session
  }

  async function handleCandidateTurn(
    sessionId: string,
    command: Exclude<CandidateCommand, { type: 'end' }>,
    direct: DirectReply,
  ): Promise<CommandResult> {
    const echo = async () => {
      const stored = (await deps.store.getSession(sessionId))?.turns.find(
        (t) => t.role === 'candidate' && t.clientId === command.clientId,
      )
      if (stored) direct({ type: 'turn-start', turn: toLiveTurn(stored) })
      return stored
    }
    // A turn that has ended and is only releasing its lease is waited for, not a conflict.
    const current = live.get(sessionId)
    if (current?.settling) await current.done
    if (busy(sessionId)) {
      if (await echo()) return { ok: true }
      return conflict(ProtocolErrorCode.turnInProgress, 'Wait for the interviewer to finish.')
    }
    claimed.add(sessionId)
    try {
      const session = await reload(sessionId)
      if (session.status === 'ended') {
        if (await echo()) return { ok: true }
        return conflict(ProtocolErrorCode.sessionEnded, 'This interview has ended.')
      }
      const text = 'text' in command ? command.text : ''
      const type = candidateTurnType(session, command.type, text, deps.sessionLimits)
      const overLimit = checkSessionLimits(session.turns, type, text, deps.sessionLimits)
      if (overLimit) return (await echo()) ? { ok: true } : overLimit
      // Another instance may be running this session's turn: its lease says so.
      const taken = deps.leases ? await acquireForCommand(deps.leases, session) : null
      if (taken && !taken.ok) {
        if (await echo()) return { ok: true }
        return conflict(ProtocolErrorCode.turnInProgress, 'Wait for the interviewer to finish.')
      }
      const held = taken?.held
      const append = () =>
        deps.store.appendTurn({
          id: deps.newId(),
          sessionId,
          role: 'candidate',
          kind: CANDIDATE_KIND[type],
          text,
          clientId: command.clientId,
          createdAt: now(),
          completedAt: now(),
          target: null,
          hiddenNotes: null,
          provider: null,
          model: null,
          usage: null,
          leaksCaught: 0,
        })
      const appended = await (held ? held.run(append) : append()).catch(async (err: unknown) => {
        await held?.release()
        throw err
      })
      if (appended.status === 'duplicate') {
        await held?.release()
        direct({ type: 'turn-start', turn: toLiveTurn(appended.turn) })
        return { ok: true }
      }
      // Stored, so acknowledged: every socket of the session sees the candidate's turn.
      deps.publish(sessionId, { type: 'turn-start', turn: toLiveTurn(appended.turn) })
      const withTurn = { ...session, turns: [...session.turns, appended.turn] }
      startTurn(sessionId, (signal) => reply(withTurn, appended.turn, signal), held)
      return { ok: true }
    } finally {
      claimed.delete(sessionId)
    }
  }

  const orchestrator = {
    /** Whether a turn is streaming (or a command being stored) for the session. */
    isBusy: busy,

    /** Resolves when the session's turn in flight, if any, has finished. */
    async idle(sessionId: string): Promise<void> {
      await live.get(sessionId)?.done
    },

    /** Aborts the session's turn in flight (its socket closed, or it ended). */
    abort(sessionId: string): void {
      live.get(sessionId)?.controller.abort()
    },

    /**
     * Picks up whatever the session is waiting for when a socket connects: the opening question
     * of a new session, the reply to an answer a crash left unanswered, or an interviewer turn a
     * crash cut off (re-streamed under its id). Also ends a session whose time ran out.
     * `justRead`: the session as the caller read it from the store in this same turn of the event
     * loop (the socket's snapshot), so that opening a socket does not read it once more.
     */
    async resumePending(sessionId: string, justRead?: SessionWithTurns): Promise<void> {
      if (busy(sessionId)) return
      const session = justRead ?? (await reload(sessionId))
      if (session.status === 'ended' || busy(sessionId)) return
      const last = session.turns.at(-1)
      if (isPastDeadline(session) && last?.kind !== 'closing') {
        return startTurn(sessionId, (signal) => close(session, 'time', signal))
      }
      if (!last) {
        return startTurn(sessionId, async (signal) => {
          await runInterviewerTurn(deps, {
            context: await context(session, { type: 'opening' }),
            kind: 'question',
            signal,
          })
        })
      }
      if (last.role === 'candidate') {
        return startTurn(sessionId, (signal) => reply(session, last, signal))
      }
      if (last.completedAt === null) {
        const before = { ...session, turns: session.turns.slice(0, -1) }
        const candidate = before.turns.at(-1)
        const trigger: InterviewTrigger =
          last.kind === 'question' || !candidate ? { type: 'opening' } : triggerOf(candidate)
        startTurn(sessionId, async (signal) => {
          await runInterviewerTurn(deps, {
            context: await context(before, trigger),
            kind: last.kind,
            signal,
            existing: last,
          })
        })
      }
    },

    /** Handles one validated candidate command for a session its sender owns. */
    async handle(
      sessionId: string,
      command: CandidateCommand,
      direct: DirectReply,
    ): Promise<CommandResult> {
      if (command.type !== 'end') return handleCandidateTurn(sessionId, command, direct)
      const current = live.get(sessionId)
      if (current) {
        current.controller.abort()
        await current.done
      }
      if (busy(sessionId)) return conflict(ProtocolErrorCode.turnInProgress, 'Try again.')
      const session = await reload(sessionId)
      if (session.status === 'ended') {
        return conflict(ProtocolErrorCode.sessionEnded, 'This interview has ended.')
      }
      startTurn(sessionId, (signal) => close(session, 'candidate', signal))
      return { ok: true }
    },

    /**
     * Ends the session as the candidate's `end` command does (closing turn, `session-ended` to
     * every socket) and resolves once it has ended: the REST route's way in.
     */
    async endNow(sessionId: string): Promise<void> {
      const result = await orchestrator.handle(sessionId, { type: 'end' }, () => {})
      if (result.ok) await live.get(sessionId)?.done
    },

    /** Ends the session if its time is up (called by the socket's timer). */
    async checkDeadline(sessionId: string): Promise<void> {
      const session = await deps.store.getSession(sessionId)
      if (!session || session.status === 'ended' || !isPastDeadline(session)) return
      const current = live.get(sessionId)
      if (current) {
        current.controller.abort()
        await current.done
      }
      if (busy(sessionId)) return
      const fresh = await reload(sessionId)
      if (fresh.status === 'ended') return
      startTurn(sessionId, (signal) => close(fresh, 'time', signal))
    },
  }
  return orchestrator
}

export type InterviewOrchestrator = ReturnType<typeof createInterviewOrchestrator>

function conflict(code: string, message: string): CommandResult {
  return { ok: false, code, message }
}

/** What a candidate turn asks the interviewer for. */
/**
 * What a candidate command is taken as: in a mock interview, an answer that is only a short
 * question about the problem is a clarifying question (question-as-answer.ts), unless the session
 * has used up its clarifying questions.
 */
function candidateTurnType(
  session: SessionWithTurns,
  type: Exclude<CandidateCommand, { type: 'end' }>['type'],
  text: string,
  limits: SessionLimits | undefined,
): Exclude<CandidateCommand, { type: 'end' }>['type'] {
  if (type !== 'answer' || session.mode !== 'mock' || !readsAsClarifyingQuestion(text)) return type
  return checkSessionLimits(session.turns, 'clarify', text, limits) ? 'answer' : 'clarify'
}

function triggerOf(candidate: Turn): InterviewTrigger {
  if (candidate.kind === 'answer') return { type: 'answer', turn: candidate }
  if (candidate.kind === 'skip') return { type: 'skip', turn: candidate }
  return { type: 'clarify', turn: candidate }
}
