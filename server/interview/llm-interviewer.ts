import { LlmError, type LlmClient } from '../llm/llm-client.js'
import { streamText, type StreamedText } from '../llm/stream-text.js'
import { createNotesSplitter, type NotesSplitter } from '../prompts/interviewer-notes.js'
import type { PromptLibrary } from '../prompts/prompt-library.js'
import { describeFocus } from '../prompts/question-sections.js'
import { lastQuestion, readConversation, type ConversationMemory } from './conversation-memory.js'
import { resolveDrillFocus } from './drill-focus.js'
import {
  answersSoFar,
  composeFreshQuestion,
  questionLabels,
  wrapUpsUsed,
  type FreshTarget,
} from './fresh-question.js'
import { pickGap, pressingGap } from './gap-picker.js'
import { pendingPlanPhase } from './plan-phases.js'
import type { Probe } from '../sessions/session-schema.js'
import type {
  InterviewContext,
  InterviewerEngine,
  InterviewerTurnMeta,
  InterviewerTurnStream,
  TurnChunk,
  TurnSink,
} from './interviewer-engine.js'
import { createEarlyLeakGuard, type EarlyLeakGuard } from './early-leak-guard.js'
import { buildInterviewerMessages, privatePromptText } from './llm-interviewer-prompts.js'
import { createStreamedRepeatFilter, type StreamedRepeatFilter } from './streamed-repeat-filter.js'
import { FOLLOW_UP_TEMPLATES } from './follow-up-templates.js'
import { pickSeeded } from './seeded-choice.js'
import type { StepKind } from './step-kinds.js'

export type LlmInterviewerDeps = {
  llm: LlmClient
  prompts: PromptLibrary
  fullAt: number
  /**
   * Writes the opening, clarification and closing turns: presenting the scenario verbatim,
   * quoting the scenario's fact that answers a clarifying question (or asking the candidate to
   * state an assumption) and saying goodbye need no model, cost no tokens and cannot misstate
   * the facts.
   */
  scripted: InterviewerEngine
  /** Silence after which the candidate is told the model is slow; 4 s by default. */
  slowNoticeMs?: number
}

/** A few seconds without a word is when a candidate starts to wonder whether anything happens. */
export const DEFAULT_SLOW_NOTICE_MS = 4000

/**
 * The LLM-backed interviewer. The prompt carries the question, scenario, framework, model answer
 * and rubric, the coverage map and the gap to probe (chosen by the same picker as the offline
 * engine, so the target stored on the turn is the one the model was asked about); the
 * candidate's words go inside delimiters. The `NOTES:` tail becomes the hidden notes, and every
 * visible word passes the leak guard before it is yielded (shown at once unless it extends a run
 * of the model answer's words: early-leak-guard.ts; a copy's start already shown is taken back
 * with a revision), then the repeat filter: a question
 * the session already asked (or a near-paraphrase) is dropped, and when that leaves the turn
 * without a question the offline engine's templates ask a fresh one on the same target. Words
 * are yielded as the guard releases them; a question dropped after it was shown is taken back
 * with a revision of the turn's text (see streamed-repeat-filter.ts), so the stored turn never
 * holds it.
 *
 * When the stream fails, what the filters hold (the guard's last sentence) is checked and
 * yielded before the error is rethrown, so the turn runner keeps it. A reply with nothing for
 * the candidate (tool calls only, only notes, all reasoning) is a failure too, never an empty
 * follow-up.
 */
export function createLlmInterviewer(deps: LlmInterviewerDeps): InterviewerEngine {
  return {
    provider: deps.llm.provider,
    model: deps.llm.model,
    slowNoticeMs: deps.slowNoticeMs ?? DEFAULT_SLOW_NOTICE_MS,
    nextTurn(context, signal) {
      const t = context.trigger.type
      if (t === 'opening' || t === 'closing' || t === 'clarify') {
        return deps.scripted.nextTurn(context, signal)
      }
      return new LlmTurnStream(deps, context, signal)
    },
  }
}

/** What one LLM turn sets up before its first token (on the stream's first `next`). */
type TurnSetup = {
  streamed: StreamedText
  split: NotesSplitter
  guard: EarlyLeakGuard
  repeats: StreamedRepeatFilter
  memory: ConversationMemory
  seed: string
  target: string | null
  fresh: FreshTarget
  /** Fresh filters for the text after a retraction (the reasoning before it seen by none). */
  restart(): void
}

function setUpTurn(
  deps: LlmInterviewerDeps,
  ctx: InterviewContext,
  signal: AbortSignal,
  onRetract: () => void,
): TurnSetup {
  const { target, label, fresh } = chooseTarget(deps, ctx)
  const messages = buildInterviewerMessages({
    prompts: deps.prompts,
    question: ctx.question,
    transcript: ctx.turns,
    coverage: ctx.coverage.map,
    targetLabel: label,
    mode: ctx.session.mode,
    focus: ctx.session.focus,
  })
  const streamed = streamText(deps.llm, { messages, signal }, { endOnError: true, onRetract })
  // The model answer is secret, and so are the rubric and the prompt's own instructions; a copy
  // that runs on past them into the prompt around them is dropped with them.
  const secret = privatePromptText(deps.prompts, ctx.question, ctx.session.mode)
  const system = messages.find((m) => m.role === 'system')?.content
  const newGuard = () => createEarlyLeakGuard(secret, system ? { context: system } : {})
  const memory = readConversation(ctx.turns)
  const seed = `${ctx.session.id}:${ctx.turns.length}:${target}`
  const newRepeats = () =>
    createStreamedRepeatFilter({
      asked: memory.questions,
      ignore: questionLabels(ctx.question),
      ...(ctx.session.mode === 'drill' && fresh
        ? { drill: { agreeingHint: () => agreeingHint(fresh.kind, seed) } }
        : {}),
    })
  const turn: TurnSetup = {
    streamed,
    split: createNotesSplitter(),
    guard: newGuard(),
    repeats: newRepeats(),
    memory,
    seed,
    target,
    fresh,
    restart() {
      turn.split = createNotesSplitter()
      turn.guard = newGuard()
      turn.repeats = newRepeats()
    },
  }
  return turn
}

type TurnStep = IteratorResult<TurnChunk, InterviewerTurnMeta>

/**
 * One LLM turn as a plain iterator over the model's deltas, not an async generator: each delta
 * goes through the notes splitter, the leak guard and the repeat filter (push filters, called in
 * turn) inside the one `then` that reads it (StreamedText.nextDelta), so a token costs that
 * promise and no generator step (a generator's await and yield cost several promises a token,
 * each running the AsyncLocalStorage hooks: bench/stream/token-path-cpu.ts). The guard sees
 * every visible character before anything is handed out, as before.
 *
 * It behaves as the generator it replaces: nothing (not even the prompt) is built before the
 * first `next`; the text's last chunks are handed out before the usage chunk is waited for;
 * `return` (or `throw`) mid-text closes the model's stream, so the request is cancelled rather
 * than read on with nobody reading; after text-end the stream is read on for its usage chunk
 * (streamText), whoever stops reading. Read by one reader that never asks for a step while one
 * is pending (for-await, the turn runner's pump).
 */
class LlmTurnStream implements InterviewerTurnStream {
  private phase: 'new' | 'text' | 'settle' | 'final' | 'over' = 'new'
  private turn: TurnSetup | null = null
  /** Chunks to hand out before going on, in order. */
  private readonly queue: TurnChunk[] = []
  /** How the turn ends once `queue` is handed out: its metadata, or its failure. */
  private outcome: { meta: InterviewerTurnMeta } | { error: unknown } | null = null
  /** Copies caught in the model's text (the fresh question is ours), read at its end. */
  private leaksCaught = 0
  /** Copies caught by the guards of text later retracted as reasoning. */
  private leaksRetracted = 0

  constructor(
    private readonly deps: LlmInterviewerDeps,
    private readonly ctx: InterviewContext,
    private readonly signal: AbortSignal,
  ) {}

  [Symbol.asyncIterator](): this {
    return this
  }

  next(): Promise<TurnStep> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false })
    switch (this.phase) {
      case 'text':
        return this.turn!.streamed.nextDelta(this.onDelta)
      case 'new':
        try {
          this.start()
        } catch (error) {
          return Promise.reject(error)
        }
        return this.next()
      case 'settle':
        this.phase = 'final'
        return this.settle().then(() => this.next())
      case 'final':
        try {
          return Promise.resolve({ value: this.takeOutcome(), done: true })
        } catch (error) {
          return Promise.reject(error)
        }
      default:
        return Promise.resolve({ value: undefined, done: true } as unknown as TurnStep)
    }
  }

  async return(value?: InterviewerTurnMeta | PromiseLike<InterviewerTurnMeta>): Promise<TurnStep> {
    const reading = this.phase === 'text'
    this.phase = 'over'
    this.queue.length = 0
    this.outcome = null
    // Left mid-text: the model's stream is closed (its request cancelled).
    if (reading) await this.turn!.streamed.deltas.return?.()
    return { value: (await value) as InterviewerTurnMeta, done: true }
  }

  async throw(error: unknown): Promise<TurnStep> {
    await this.return()
    throw error
  }

  /**
   * The whole turn into `out`: each model delta is filtered inside the step that reads it (over
   * node:http, the network read's own handler: no promise a token), and the next read is
   * started from there. The text `next()` gives, in the same order, except that the text chunks
   * of one run of deltas ready at once (the events of one network read: a provider that sends
   * tokens in bursts, or a server that fell behind) are merged into one `emit`, so a burst
   * costs one frame per socket, not one a token; a revision first hands on the text before it.
   * A throw from `out` (a publish that fails) or from a filter closes the model's stream, then
   * rejects with it, the text read before it handed on first.
   */
  pushTo(out: TurnSink): Promise<InterviewerTurnMeta> {
    if (this.phase !== 'new') return Promise.reject(new Error('pushTo: the turn was already read'))
    return new Promise<InterviewerTurnMeta>((resolve, reject) => {
      /** Text chunks of the run of deltas being read, handed on together when it ends. */
      let held = ''
      const flush = () => {
        if (held === '') return
        const text = held
        held = ''
        out.emit(text)
      }
      const deliver = (chunk: TurnChunk) => {
        if (typeof chunk === 'string') held += chunk
        else {
          flush()
          out.revise(chunk.revise)
        }
      }
      let failed = false
      const fail = (error: unknown) => {
        if (!failed) {
          failed = true
          // What was read before the failure is shown, as when every chunk went out at once; a
          // sink that throws again here does not replace the failure being reported.
          try {
            flush()
          } catch {
            held = ''
          }
        }
        const rethrow = () => reject(error)
        this.return().then(rethrow, rethrow)
      }
      /** The text ended: what the filters held, then the usage and the outcome. */
      const end = () => {
        this.endText()
        for (const chunk of this.queue.splice(0)) deliver(chunk)
        flush()
        this.phase = 'final'
        this.settle().then(() => {
          try {
            for (const chunk of this.queue.splice(0)) deliver(chunk)
            flush()
          } catch (error) {
            this.phase = 'over'
            return reject(error)
          }
          try {
            resolve(this.takeOutcome())
          } catch (error) {
            reject(error)
          }
        }, reject)
      }
      /**
       * Starts the next read, by callback (streamText's nextDeltaTo: no promise a token when the
       * model's stream is read over node:http). onDelta never throws and streamText's failures
       * end the deltas (endOnError); a read that throws at once fails the turn here. A delta
       * that is ready at once (several in one network read) comes back inside this call: its
       * onDelta asks for the next read, which this loop starts once the call returns, so a run
       * of ready deltas does not nest a call per delta on the stack. When the loop ends the next
       * delta waits for the network: the run's text goes out then, in one emit.
       */
      let reading = false
      let readAgain = false
      const read = () => {
        if (reading) return void (readAgain = true)
        reading = true
        try {
          do {
            readAgain = false
            this.turn!.streamed.nextDeltaTo(onDelta, fail)
          } while (readAgain)
          if (!failed) flush()
        } catch (error) {
          fail(error)
        } finally {
          reading = false
        }
      }
      const onDelta = (step: IteratorResult<string, undefined>): void => {
        if (this.phase !== 'text') return
        try {
          if (step.done) return end()
          const chunk = this.filter(this.turn!.split.push(step.value))
          // A retraction's revision, queued in this step, goes first.
          for (const queued of this.queue.splice(0)) deliver(queued)
          if (chunk !== null) deliver(chunk)
        } catch (error) {
          return fail(error)
        }
        read()
      }
      try {
        this.start()
      } catch (error) {
        return reject(error)
      }
      read()
    })
  }

  /** One step of the model's deltas (bound once, called per token): the chunk it shows, if any. */
  private readonly onDelta = (
    step: IteratorResult<string, undefined>,
  ): TurnStep | Promise<TurnStep> => {
    if (this.phase !== 'text') return this.next()
    let chunk: TurnChunk | null
    try {
      if (step.done) {
        this.endText()
        this.phase = 'settle'
        return this.next()
      }
      chunk = this.filter(this.turn!.split.push(step.value))
    } catch (error) {
      // As a generator's for-await whose body threw: the model's stream is closed, then the
      // error goes to the reader.
      const fail = () => Promise.reject(error)
      return this.return().then(fail, fail)
    }
    if (chunk === null) return this.next()
    // A revision queued by a retraction in this step goes out first.
    if (this.queue.length > 0) {
      this.queue.push(chunk)
      return this.next()
    }
    return { value: chunk, done: false }
  }

  /**
   * The model's text so far was reasoning (a closing tag it never opened): what the candidate
   * was shown of it is taken back with a revision to nothing, and the text after it goes through
   * fresh filters, so the stored turn holds none of it (the turn runner stores what it revised).
   */
  private readonly retract = () => {
    const turn = this.turn!
    this.leaksRetracted += turn.guard.leaks
    const shown = turn.repeats.shown
    turn.restart()
    if (shown !== '') this.queue.push({ revise: '' })
  }

  /** Builds the turn (the prompt, the model's request, the filters) at its first read. */
  private start(): void {
    try {
      this.turn = setUpTurn(this.deps, this.ctx, this.signal, this.retract)
    } catch (error) {
      this.phase = 'over'
      throw error
    }
    this.phase = 'text'
  }

  /** The turn's end, once its chunks are handed out: its metadata, or throws its failure. */
  private takeOutcome(): InterviewerTurnMeta {
    this.phase = 'over'
    const outcome = this.outcome!
    this.outcome = null
    if ('error' in outcome) throw outcome.error
    return outcome.meta
  }

  /** Visible text through the leak guard, then the repeat filter: what the candidate sees. */
  private filter(visible: string): TurnChunk | null {
    if (visible.length === 0) return null
    return this.throughRepeats(this.turn!.guard.push(visible))
  }

  /** What the leak guard let out (text, or a revision of it), through the repeat filter. */
  private throughRepeats(chunk: TurnChunk | null): TurnChunk | null {
    if (chunk === null) return null
    const { repeats } = this.turn!
    return typeof chunk === 'string' ? repeats.push(chunk) : repeats.revise(chunk.revise)
  }

  /** The text ended (text-end, the stream's end or its failure): what the filters held. */
  private endText() {
    this.phase = 'settle'
    const { split, guard, repeats } = this.turn!
    const tail = this.filter(split.end())
    if (tail !== null) this.queue.push(tail)
    const flushed = this.throughRepeats(guard.flush())
    if (flushed !== null) this.queue.push(flushed)
    this.leaksCaught = this.leaksRetracted + guard.leaks
    const last = repeats.flush()
    if (last !== null) this.queue.push(last)
  }

  /**
   * After the text: waits for the usage chunk, asks a fresh question when every one the model
   * wrote was a repeat, and sets the outcome (queueing the fresh question's text).
   */
  private async settle(): Promise<void> {
    try {
      this.outcome = { meta: await this.finishTurn() }
    } catch (error) {
      this.outcome = { error }
    }
  }

  private async finishTurn(): Promise<InterviewerTurnMeta> {
    const { deps, ctx, signal } = this
    const { streamed, split, guard, repeats, memory, seed, target, fresh } = this.turn!
    // The text ended at finish_reason; the usage chunk (the token budget's) and [DONE] follow.
    await streamed.settle()
    // After the text was whole, a failure (a stall before the usage chunk) costs the usage only:
    // the turn stands as the model wrote it, not finished again by the offline engine's
    // question. An abort is still an abort.
    const lateFailure = streamed.failure !== null && streamed.textEnded && !signal.aborted
    if (streamed.failure !== null && !lateFailure) throw streamed.failure
    let shown = repeats.shown
    let probe: Probe = { target, question: lastQuestion(shown), quote: null, move: 'llm' }
    if (repeats.dropped.length > 0 && repeats.asked.length === 0) {
      // Every question the model wrote was asked before: a fresh one on the same target instead.
      const asked = composeFreshQuestion({
        question: ctx.question,
        turns: ctx.turns,
        memory: { questions: [...memory.questions, ...repeats.dropped], quotes: memory.quotes },
        target: fresh,
        seed,
      })
      // Pushed and flushed at once, nothing is previewed: the guard's shown text only grows.
      const guardShown = guard.shown.length
      guard.push(`${/\S$/.test(shown) ? ' ' : ''}${asked.text}`)
      guard.flush()
      const text = guard.shown.slice(guardShown)
      shown += text
      if (text) this.queue.push(text)
      probe = { target, question: asked.question, quote: asked.quote, move: asked.move }
    }
    if (!/\S/.test(shown)) {
      throw new LlmError('empty_reply', 'The model wrote nothing for the candidate to read', false)
    }
    const notes = [
      ...(lateFailure ? ['The model stream failed after its text was whole; usage unknown.'] : []),
      ...repeats.dropped.map((q) => `Dropped a repeated question: "${q}".`),
      ...repeats.hintsFixed.map(
        (h) => `Dropped a hint that asked or disagreed with the verdict: "${h}".`,
      ),
    ]
    return {
      kind: ctx.session.mode === 'drill' ? 'verdict' : 'follow-up',
      target,
      hiddenNotes: [split.notes, ...notes].filter(Boolean).join(' ') || null,
      usage: streamed.result?.usage ?? null,
      provider: deps.llm.provider,
      model: streamed.result?.model ?? deps.llm.model,
      leaksCaught: this.leaksCaught,
      // What was asked, kept so the interviewer remembers it (never asked again).
      probe,
    }
  }
}

/** What the turn probes (the drill focus or the most important gap), and how to ask it afresh. */
function chooseTarget(
  deps: LlmInterviewerDeps,
  ctx: InterviewContext,
): { target: string | null; label: string; fresh: FreshTarget } {
  if (ctx.session.mode === 'drill') {
    const focus = resolveDrillFocus(ctx.question, ctx.session.focus)
    return {
      target: ctx.coverage.focus?.id ?? ctx.session.focus,
      label: describeFocus(ctx.question, ctx.session.focus),
      fresh: {
        kind: focus.kind,
        label: focus.label,
        coverage: ctx.latest?.focus ?? null,
        move: 'drill',
      },
    }
  }
  const memory = readConversation(ctx.turns)
  const gap = pickGap({
    question: ctx.question,
    coverage: ctx.coverage.map,
    turns: ctx.turns,
    fullAt: deps.fullAt,
    memory,
    topics: ctx.answerTopics,
  })
  // Nothing left and every wrap-up of ours asked (the model's own were repeats): press on what
  // the candidate said least rather than wrap up again word for word.
  const pressing =
    gap ??
    (wrapUpsUsed(memory.questions)
      ? pressingGap({
          question: ctx.question,
          coverage: ctx.coverage.map,
          turns: ctx.turns,
          memory,
        })
      : null)
  if (!pressing) {
    const phase = pendingPlanPhase({
      question: ctx.question,
      answers: answersSoFar(ctx.turns),
      asked: memory.questions,
    })
    return {
      target: null,
      label: phase
        ? `none: every step is covered, but the framework stops at the diagnosis; ask ${phase.brief}`
        : 'none: every step is covered; ask one wrap-up question',
      fresh: null,
    }
  }
  const [type, n] = pressing.target.split(':')
  const kind = type === 'step' ? 'framework step' : 'rubric criterion'
  const item = `${kind} ${n}, ${pressing.label}`
  return {
    target: pressing.target,
    // A pressed item is no gap: the candidate covered it (the map may say less where the credit
    // came from their replies), and "(full so far)" after "the most important gap" read as a
    // gap to ask about afresh.
    label: gap
      ? `${item} (${gap.coverage.level} so far)`
      : 'none: no gap is left and every wrap-up question was asked; ' +
        `press for depth on ${item}, which the candidate has covered: ask for the specifics ` +
        'they have not given (a number, a trade-off, what could go wrong), not for an overview',
    fresh: { kind: pressing.kind, label: pressing.label, coverage: pressing.coverage },
  }
}

/** A drill hint for an answer judged solid: how to push further, from the offline templates. */
function agreeingHint(kind: StepKind, seed: string): string {
  const hint = pickSeeded(FOLLOW_UP_TEMPLATES[kind].hints, `${seed}:hint`)
  return `Hint: to push further, ${hint.replace(/^Hint:\s*/, '')}`
}
