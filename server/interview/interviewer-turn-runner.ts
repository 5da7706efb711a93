import { LlmError, type LlmErrorCode } from '../llm/llm-client.js'
import type { Turn, TurnKind } from '../sessions/session-schema.js'
import type { SessionStore } from '../sessions/session-store.js'
import { computeProgress, toLiveTurn } from './interview-progress.js'
import type { SessionPublisher } from './interview-messages.js'
import type {
  InterviewContext,
  InterviewerEngine,
  InterviewerTurnMeta,
  InterviewerTurnStream,
} from './interviewer-engine.js'

export type TurnRunnerDeps = {
  store: SessionStore
  engine: InterviewerEngine
  /** The offline engine: writes the turn when the provider fails, so no turn is left hanging. */
  fallback: InterviewerEngine
  clock: () => Date
  newId: () => string
  publish: SessionPublisher
}

/** What a provider failure means to the candidate, in their words, by LlmError code. */
const FAILURE_REASON: Partial<Record<LlmErrorCode | 'internal', string>> = {
  empty_reply: 'its reply had no text for you',
  stalled: 'it went silent',
  timeout: 'it took too long',
  rate_limited: 'the model server is busy',
  auth: 'the model server refused the API key',
  bad_response: 'the model server sent something that is not a reply',
  content_filtered: "the model server's content filter stopped its reply",
}

/** Said when even the fallback fails; a turn always ends with something to answer. */
const LAST_RESORT = 'Let us continue: take the next part of the problem you have not covered yet.'

/**
 * Streams one interviewer turn: stores it (empty, not completed) and announces it, forwards each
 * delta (and each revision of its text, as `turn-revise`), then stores it completed with its
 * target, notes, usage and leak count, and announces the end. A provider failure becomes a
 * `notice` and the offline engine finishes the turn; an abort keeps what was streamed (or, when
 * nothing was, lets the offline engine write the turn). `existing` re-streams a turn a crash left
 * incomplete, under the same id.
 */
export async function runInterviewerTurn(
  deps: TurnRunnerDeps,
  args: { context: InterviewContext; kind: TurnKind; signal: AbortSignal; existing?: Turn },
): Promise<Turn> {
  const { context, signal } = args
  const sessionId = context.session.id
  const now = () => deps.clock().toISOString()
  const turn =
    args.existing ??
    (
      await deps.store.appendTurn({
        id: deps.newId(),
        sessionId,
        role: 'interviewer',
        kind: args.kind,
        text: '',
        clientId: null,
        createdAt: now(),
        completedAt: null,
        target: null,
        hiddenNotes: null,
        provider: deps.engine.provider,
        model: deps.engine.model,
        usage: null,
        leaksCaught: 0,
      })
    ).turn
  deps.publish(sessionId, { type: 'turn-start', turn: toLiveTurn(turn) })

  let text = ''
  const emit = (delta: string) => {
    text += delta
    deps.publish(sessionId, { type: 'token-delta', turnId: turn.id, text: delta })
  }
  /** The turn's whole text corrected (a shown sentence taken back): every client replaces it. */
  const revise = (whole: string) => {
    text = whole
    deps.publish(sessionId, { type: 'turn-revise', turnId: turn.id, text })
  }
  const notes: string[] = []
  let meta: InterviewerTurnMeta | null = null
  const slow = watchForSilence(deps, sessionId, turn.id)
  try {
    meta = await pumpTurn(deps.engine.nextTurn(context, signal), text, {
      emit: (delta) => {
        slow.heard()
        emit(delta)
      },
      revise,
    })
    if (signal.aborted) notes.push('Interrupted: the candidate left or the session ended.')
  } catch (err) {
    if (signal.aborted) {
      notes.push('Interrupted: the candidate left or the session ended.')
    } else {
      // Text already streamed stays; the offline engine writes the rest of the turn.
      const code = err instanceof LlmError ? err.code : 'internal'
      const reason = FAILURE_REASON[code] ?? `it failed (${code})`
      deps.publish(sessionId, {
        type: 'notice',
        level: 'warning',
        code: `provider:${code}`,
        turnId: turn.id,
        message: `The ${deps.engine.model} interviewer stopped: ${reason}. The offline interviewer finished this turn.`,
      })
      notes.push(`Provider failed (${code}); the offline fallback wrote the rest of this turn.`)
    }
  } finally {
    slow.stop()
  }
  if (!meta && (!signal.aborted || text.trim() === '')) {
    if (text.trim() !== '') emit('\n\n')
    try {
      meta = await pumpTurn(deps.fallback.nextTurn(context, new AbortController().signal), text, {
        emit,
        revise,
      })
    } catch {
      emit(LAST_RESORT)
    }
  }

  const completed = await deps.store.updateTurn(sessionId, turn.id, {
    text,
    completedAt: now(),
    target: meta?.target ?? null,
    hiddenNotes: [meta?.hiddenNotes, ...notes].filter(Boolean).join(' ') || null,
    usage: meta?.usage ?? null,
    leaksCaught: meta?.leaksCaught ?? 0,
    provider: meta?.provider ?? deps.engine.provider,
    model: meta?.model ?? deps.engine.model,
    probe: meta?.probe ?? null,
  })
  const turns = [...context.turns.filter((t) => t.id !== completed.id), completed]
  deps.publish(sessionId, {
    type: 'turn-end',
    turn: toLiveTurn(completed),
    progress: computeProgress(context.session, turns),
  })
  return completed
}

/**
 * Tells the candidate when the engine has been silent for its `slowNoticeMs` (an LLM that is
 * queueing or stalled), once per silence: text arriving ends the silence and the web client
 * drops the notice.
 */
function watchForSilence(deps: TurnRunnerDeps, sessionId: string, turnId: string) {
  const after = deps.engine.slowNoticeMs
  if (after === undefined) return { heard: () => undefined, stop: () => undefined }
  let last = Date.now()
  let announced = false
  let timer: ReturnType<typeof setTimeout> | null = null
  const check = () => {
    const quiet = Date.now() - last
    if (quiet < after) {
      timer = setTimeout(check, after - quiet)
      return
    }
    announced = true
    deps.publish(sessionId, {
      type: 'notice',
      level: 'info',
      code: 'provider:slow',
      turnId,
      message: 'The model is slow to answer; still waiting for it.',
    })
    timer = null
  }
  timer = setTimeout(check, after)
  return {
    heard() {
      last = Date.now()
      if (announced && timer === null) {
        announced = false
        timer = setTimeout(check, after)
      }
    },
    stop() {
      if (timer) clearTimeout(timer)
      timer = null
    },
  }
}

/**
 * Drains a turn stream into `emit` (appended text) and `revise` (the turn's whole text), and
 * returns its metadata. A stream's revision covers its own text, which follows `before` (the
 * turn's text when it started: empty, or the failed engine's text before the fallback's).
 *
 * A stream that can push (the LLM interviewer's: InterviewerTurnStream.pushTo) runs straight
 * into `out`, with no promise per chunk between it and the reader; any other is stepped with
 * `next()` and one await a chunk, not for-await over a wrapper that keeps the return value (a
 * promise more per token: bench/stream/token-path-cpu.ts). Either way a throw while delivering
 * closes the stream as for-await would.
 */
export async function pumpTurn(
  stream: InterviewerTurnStream,
  before: string,
  out: { emit: (delta: string) => void; revise: (whole: string) => void },
): Promise<InterviewerTurnMeta> {
  if (stream.pushTo) {
    return stream.pushTo({
      emit: (delta) => {
        if (delta) out.emit(delta)
      },
      revise: (whole) => out.revise(before + whole),
    })
  }
  for (;;) {
    const step = await stream.next()
    if (step.done) return step.value
    const chunk = step.value
    try {
      if (typeof chunk !== 'string') out.revise(before + chunk.revise)
      else if (chunk) out.emit(chunk)
    } catch (error) {
      // A publish that fails: the stream is closed, so the model's request is cancelled rather
      // than left open with nobody reading it while the fallback writes the turn. Its own
      // failure to close is not the one to report.
      await stream.return(undefined as never).catch(() => undefined)
      throw error
    }
  }
}
