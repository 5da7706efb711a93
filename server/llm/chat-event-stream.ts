import type { ChatCompletionChunk } from 'openai/resources/chat/completions'
import type { CallDeadline } from './call-deadline.js'
import type { IdleWatch } from './idle-watch.js'
import { LlmError, type LlmStreamEvent } from './llm-client.js'
import { toLlmError } from './map-openai-error.js'
import { nodeBodyOf } from './node-http-fetch.js'
import {
  createChunkState,
  parseChatEvent,
  readChatChunk,
  type ChunkState,
} from './read-chat-chunk.js'
import { createSseParser, type SseParser } from './read-sse-data.js'
import { readableChunks, type ReadableChunks } from './readable-chunks.js'
import { createMarkupFilter, type MarkupFilter } from './strip-model-markup.js'

/** What one streamed chat call needs from its client. */
export type ChatStreamDeps = {
  /** The call's deadline, started when the stream is first read. */
  startCall(): CallDeadline
  /**
   * Sends the streamed request (its HTTP retries included) and returns the response; sets
   * `current.watch` to the idle watch of each HTTP attempt, disposing the previous one.
   */
  open(call: CallDeadline, current: { watch: IdleWatch | null }): Promise<Response>
  /** The model asked for: the reply's model until a chunk names one. */
  model: string
  /** Every failure passes through here on its way out (credentials removed). */
  redactError(error: unknown): unknown
}

const END: IteratorResult<LlmStreamEvent, undefined> = { value: undefined, done: true }
const NO_FAILURE = Symbol('no failure')
/** A callback read is waiting for the network: its step comes later, from the body's read. */
const PENDING = Symbol('pending')

type Step = IteratorResult<LlmStreamEvent, undefined>

/** A stream failure for a reply that ended without its text complete, in plain words. */
function describeEmptyStream(state: ChunkState, markup: MarkupFilter): string {
  if (state.toolCalls > 0 || markup.removed.toolCalls > 0) {
    return 'The model answered with a tool call and no text'
  }
  if (markup.removed.reasoning > 0) return 'The model sent only its reasoning and no answer'
  if (state.refusal > 0) return 'The model refused to answer'
  return 'The model server returned an empty reply'
}

/**
 * The events of one streamed chat call: `delta`s of visible text, `text-end` once a choice
 * carried finish_reason (not after a content filter stop), then `done` with usage and model. A
 * stall before any text is retried once with a fresh request; after text it is not (the reader
 * has that text, and a second reply would not continue it). Every failure is an LlmError with
 * credentials removed, after the deltas before it.
 *
 * A plain iterator, not the two async generators it replaces (the call with its retry, and one
 * attempt): a generator step costs several promises and a delegating `yield*` as many again, on
 * the path of every streamed token, and reading the body through an iterator of parsed chunks
 * one `then` more. Here a token costs the one promise of the body's network read (its SSE
 * events parsed in place by the read's own handler: readableChunks' nextThen over node:http),
 * the handlers are bound once per call, and the rare steps (opening, a retry, the end) are async
 * functions. Read by for-await, which never asks for a step while one is pending.
 */
export class ChatEventStream implements AsyncIterableIterator<LlmStreamEvent> {
  private call: CallDeadline | null = null
  private attempts = 0
  /** The attempt's idle watch, set by `open` for each HTTP attempt. */
  private current: { watch: IdleWatch | null } = { watch: null }
  /** The response body's network reads (over node:http, with the one-promise `nextThen`). */
  private body:
    | (AsyncIterator<Uint8Array | string> &
        Partial<Pick<ReadableChunks, 'nextThen' | 'release' | 'read'>>)
    | null = null
  /** The callback reader of the step being read (`nextTo`); null while reads are promises. */
  private toStep: ((step: Step) => void) | null = null
  private toError: ((error: unknown) => void) | null = null
  private sse: SseParser = createSseParser()
  /** Chunks parsed and not yet taken, in order: one a step, so an abort stops the rest. */
  private chunks: ChatCompletionChunk[] = []
  /** An event that failed to parse, thrown once the chunks before it were taken. */
  private parseFailure: unknown = NO_FAILURE
  /** No more reads: the body ended, failed, or was closed. */
  private bodyDone = false
  private phase: 'open' | 'reading' | 'over' = 'open'
  private state: ChunkState
  private markup: MarkupFilter = createMarkupFilter()
  /** The attempt showed text (a stall is then not retried). */
  private shown = false
  /** The attempt's text had something besides whitespace. */
  private hasText = false
  /** A choice carried finish_reason: what follows is read for its usage, never as text. */
  private textEnded = false
  /** Events to hand out before reading on, in order. */
  private readonly ready: LlmStreamEvent[] = []
  /** A failure to throw once `ready` is handed out (text held back came before it). */
  private failure: unknown = NO_FAILURE

  constructor(private readonly deps: ChatStreamDeps) {
    this.state = createChunkState(deps.model)
  }

  [Symbol.asyncIterator](): this {
    return this
  }

  next(): Promise<IteratorResult<LlmStreamEvent, undefined>> {
    if (this.ready.length > 0) return Promise.resolve({ value: this.ready.shift()!, done: false })
    if (this.failure !== NO_FAILURE) {
      const failure = this.failure
      this.failure = NO_FAILURE
      return this.attemptFailed(failure)
    }
    if (this.phase === 'reading') {
      // No callback reader is waiting (nextTo clears it before its step is handed on), so the
      // step is never PENDING here.
      const step = this.step() as Step | Promise<Step>
      return step instanceof Promise ? step : Promise.resolve(step)
    }
    if (this.phase === 'open') return this.start()
    return Promise.resolve(END)
  }

  /**
   * `next().then(onStep, onError)` with no promise on the path of a token: while the body is
   * read over node:http (readableChunks' `read`), `onStep` is called from the network read's
   * own 'data' event, or at once when an event is ready; the rare steps (opening, a retry, the
   * end, a failure) still go through their promises. Neither handler may throw (one that
   * does has its error passed to `onError`). The LLM interviewer reads every token this way
   * (through streamText's nextDeltaTo): with `next` a token cost two promises, each with its
   * microtask and the AsyncLocalStorage hook that runs on every promise
   * (bench/stream/token-path-cpu.ts counts them). Not to be called while a step is pending.
   */
  nextTo(onStep: (step: Step) => void, onError: (error: unknown) => void): void {
    if (this.ready.length > 0) {
      return this.handTo({ value: this.ready.shift()!, done: false }, onStep, onError)
    }
    if (this.phase !== 'reading' || this.failure !== NO_FAILURE || !this.body?.read) {
      return void this.next().then(onStep, onError)
    }
    this.toStep = onStep
    this.toError = onError
    this.handOn(this.step())
  }

  /** The callback reader's step, once it is known (a promise for the rare steps). */
  private handOn(outcome: Step | Promise<Step> | typeof PENDING) {
    if (outcome === PENDING) return
    const onStep = this.toStep!
    const onError = this.toError!
    this.toStep = this.toError = null
    this.handTo(outcome, onStep, onError)
  }

  private handTo(
    outcome: Step | Promise<Step>,
    onStep: (step: Step) => void,
    onError: (error: unknown) => void,
  ) {
    if (outcome instanceof Promise) return void outcome.then(onStep, onError)
    try {
      onStep(outcome)
    } catch (error) {
      onError(error)
    }
  }

  /** The reader stopped early: the body is closed, the watch and the deadline cleared. */
  async return(): Promise<IteratorResult<LlmStreamEvent, undefined>> {
    if (this.phase === 'over') return END
    const reading = this.phase === 'reading'
    this.phase = 'over'
    this.ready.length = 0
    this.failure = NO_FAILURE
    try {
      if (reading) await this.closeBody()
    } finally {
      this.current.watch?.dispose()
      this.call?.dispose()
    }
    return END
  }

  /** Opens an attempt (the first, or the retry after a stall) and reads its first event. */
  private async start(): Promise<IteratorResult<LlmStreamEvent, undefined>> {
    this.call ??= this.deps.startCall()
    this.attempts += 1
    this.shown = false
    const current: { watch: IdleWatch | null } = { watch: null }
    this.current = current
    let response: Response
    try {
      response = await this.deps.open(this.call, current)
    } catch (error) {
      return this.attemptFailed(current.watch?.fired() ? current.watch.stallError() : error)
    }
    const watch = current.watch!
    watch.touch()
    this.state = createChunkState(this.deps.model)
    this.markup = createMarkupFilter()
    this.hasText = false
    this.textEnded = false
    this.sse = createSseParser()
    this.chunks = []
    this.parseFailure = NO_FAILURE
    const node = nodeBodyOf(response)
    const body = (node ? readableChunks(node) : response.body) as AsyncIterable<
      Uint8Array | string
    > | null
    this.body = body ? body[Symbol.asyncIterator]() : null
    this.bodyDone = false
    this.phase = 'reading'
    if (!this.body) {
      this.bodyDone = true
      return this.readFailed(
        new LlmError('stream_error', 'The model server sent no stream body', false),
      )
    }
    return this.next()
  }

  /**
   * The next event while reading: from a chunk already parsed, else from the next network read.
   * The body is closed once the chunks before `[DONE]`, a failure or an abort were taken.
   */
  private step(): Step | Promise<Step> | typeof PENDING {
    for (;;) {
      const chunk = this.chunks.shift()
      if (chunk !== undefined) {
        // Events already buffered when the signal fired are not delivered: stop reading.
        if (this.current.watch!.signal.aborted) {
          this.chunks.length = 0
          return this.closeBody().then(this.onStopped, this.onReadError)
        }
        try {
          this.take(chunk)
        } catch (error) {
          // As a for-await loop whose body threw: the reader is closed first, the error kept.
          const fail = () => this.readFailed(error)
          return this.closeBody().then(fail, fail)
        }
        // A value, not a promise: returned from onRead, a promise would cost two more a token.
        if (this.ready.length > 0) return { value: this.ready.shift()!, done: false }
        continue
      }
      if (this.parseFailure !== NO_FAILURE) {
        const error = this.parseFailure
        this.parseFailure = NO_FAILURE
        return this.closeBody().then(() => this.readFailed(error), this.onReadError)
      }
      if (this.sse.sawDone) return this.releaseBody().then(this.onStopped, this.onReadError)
      if (this.bodyDone) return this.finish()
      const body = this.body!
      // A callback reader (nextTo): the read's handler hands the step on, no promise made.
      if (this.toStep !== null && body.read) {
        body.read(this.onReadTo, this.onBodyErrorTo)
        return PENDING
      }
      // A promise read: PENDING is never returned without a callback reader.
      return (
        body.nextThen
          ? body.nextThen(this.onRead, this.onBodyError)
          : body.next().then(this.onRead, this.onBodyError)
      ) as Promise<Step>
    }
  }

  /** One network read (or the body's end), its events parsed: bound once, called per token. */
  private readonly onRead = (
    read: IteratorResult<Uint8Array | string>,
  ): Step | Promise<Step> | typeof PENDING => {
    if (read.done) {
      this.bodyDone = true
      this.parse(this.sse.end())
    } else {
      this.current.watch!.touch()
      this.parse(this.sse.push(read.value))
    }
    return this.step()
  }

  private readonly onReadTo = (read: IteratorResult<Uint8Array | string>) =>
    this.handOn(this.onRead(read))

  private readonly onBodyErrorTo = (error: unknown) => this.handOn(this.onBodyError(error))

  private readonly onBodyError = (error: unknown) => {
    this.bodyDone = true
    return this.readFailed(error)
  }

  private readonly onReadError = (error: unknown) => this.readFailed(error)

  private readonly onStopped = () => this.finish()

  private parse(payloads: string[]) {
    for (const payload of payloads) {
      try {
        const chunk = parseChatEvent(payload)
        if (chunk !== null) this.chunks.push(chunk)
      } catch (error) {
        this.parseFailure = error
        return
      }
    }
  }

  /** Closes the body once (the reader stopped, `[DONE]`, a failure or an abort). */
  private closeBody(): Promise<unknown> {
    if (this.bodyDone) return Promise.resolve()
    this.bodyDone = true
    return Promise.resolve(this.body?.return?.(undefined))
  }

  /**
   * Lets go of a body the server said is over (`[DONE]`): over node:http its rest is read and
   * dropped so the connection goes back to the keep-alive pool (readableChunks' `release`);
   * any other body is closed.
   */
  private releaseBody(): Promise<unknown> {
    if (this.bodyDone) return Promise.resolve()
    if (!this.body?.release) return this.closeBody()
    this.bodyDone = true
    return this.body.release()
  }

  /** Queues what one chunk shows: its visible text, and `text-end` when its choice finished. */
  private take(chunk: ChatCompletionChunk) {
    const content = readChatChunk(chunk, this.state)
    // The choice is complete once it carried finish_reason: what follows (the usage chunk,
    // content filter results) is read for its usage, never as text.
    if (this.textEnded) return
    const retractions = this.markup.retractions
    let text = this.markup.push(content)
    if (this.state.finished) text += this.markup.end(this.state.finishReason !== 'length')
    this.show(text, retractions)
    if (this.state.finished) {
      this.textEnded = true
      // Released now, not one chunk later at [DONE]: readers flush what they hold. A reply the
      // content filter stopped is not a whole text, so no text-end: it fails in finish().
      if (this.state.finishReason !== 'content_filter') this.ready.push({ type: 'text-end' })
    }
  }

  /**
   * Queues what the markup filter released: a `retract` first when it found that the text of
   * this attempt so far was reasoning (an unopened closing tag), then the text.
   */
  private show(text: string, retractionsBefore: number) {
    if (this.markup.retractions !== retractionsBefore) {
      this.ready.push({ type: 'retract' })
      // What was shown is taken back: the attempt has shown no text yet.
      this.hasText = false
      this.shown = false
    }
    if (text.length > 0) {
      this.hasText ||= /\S/.test(text)
      this.shown = true
      this.ready.push({ type: 'delta', text })
    }
  }

  /** A failure while reading the body: a stall if the idle watch cut it, else mapped. */
  private readFailed(error: unknown): Promise<IteratorResult<LlmStreamEvent, undefined>> {
    const watch = this.current.watch!
    return this.attemptFailed(
      watch.fired() ? watch.stallError() : toLlmError(error, this.call!, 'stream'),
    )
  }

  /** The body ended (or reading stopped): the last held text, then `done` or the failure. */
  private finish(): Promise<IteratorResult<LlmStreamEvent, undefined>> {
    const watch = this.current.watch!
    const call = this.call!
    try {
      if (watch.fired()) throw watch.stallError()
      if (call.signal.aborted) throw call.abortError()
      const retractions = this.markup.retractions
      this.show(this.markup.end(this.state.finished), retractions)
      if (!this.state.finished) {
        throw new LlmError(
          'stream_error',
          'The model server closed the stream before the reply was complete',
          false,
        )
      }
      if (this.state.finishReason === 'content_filter') {
        // Azure and OpenAI stop a filtered reply mid-text: what came is not a whole turn.
        throw new LlmError(
          'content_filtered',
          "The model server's content filter stopped the reply",
          false,
        )
      }
      if (!this.hasText) {
        throw new LlmError('empty_reply', describeEmptyStream(this.state, this.markup), false)
      }
    } catch (error) {
      this.failure = error
      return this.next()
    }
    this.ready.push({ type: 'done', usage: this.state.usage, model: this.state.model })
    this.phase = 'over'
    watch.dispose()
    call.dispose()
    return this.next()
  }

  /** An attempt failed: a stall before any text is tried once more, anything else thrown. */
  private async attemptFailed(error: unknown): Promise<IteratorResult<LlmStreamEvent, undefined>> {
    this.current.watch?.dispose()
    this.phase = 'over'
    const stalled = error instanceof LlmError && error.code === 'stalled'
    if (stalled && !this.shown && this.attempts < 2 && !this.call!.signal.aborted) {
      this.phase = 'open'
      return this.start()
    }
    // The start the markup filter held (it may have been reasoning) goes out before the
    // failure, unless it read as reasoning: the reader keeps the text that came.
    const retractions = this.markup.retractions
    this.show(this.markup.end(false), retractions)
    if (this.ready.length > 0) {
      this.failure = error
      return this.next()
    }
    this.call?.dispose()
    throw this.deps.redactError(error)
  }
}
