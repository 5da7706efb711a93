import type { TokenUsage } from '../sessions/session-schema.js'
import type { ChatRequest, LlmClient, LlmStreamEvent } from './llm-client.js'

export type StreamedText = {
  /**
   * The text deltas alone, ready for text filters (notes splitter, leak guard). Ends when the
   * text does: at the adapter's `text-end` (a chunk carried finish_reason) when it sends one, so
   * the filters release what they hold then, not one chunk later at the stream's end.
   */
  deltas: AsyncIterableIterator<string>
  /**
   * The next step of `deltas` handed to `map` in the same step: one promise a delta, where
   * `deltas.next().then(map)` costs two (the LLM interviewer's loop reads every token this way:
   * bench/stream/token-path-cpu.ts). Not to be called while a step is pending, nor mixed with
   * a for-await over `deltas` in progress; `deltas.return()` still closes the stream.
   */
  nextDelta<R>(map: (step: IteratorResult<string, undefined>) => R | Promise<R>): Promise<R>
  /**
   * `nextDelta` with no promise a delta when the adapter's stream reads by callback
   * (ChatEventStream.nextTo): `map` runs inside the network read that brought the delta, or at
   * once when one is ready. `fail` gets what the stream failed with (only without `endOnError`)
   * or what `map` threw. Neither may throw. Same steps in the same order as `nextDelta`; not to
   * be called while a step is pending.
   */
  nextDeltaTo(
    map: (step: IteratorResult<string, undefined>) => void,
    fail: (error: unknown) => void,
  ): void
  /**
   * Waits for the stream's end once `deltas` has ended (the usage chunk the token budget counts,
   * a failure after the text); call it before reading `result` or `failure`. What follows the
   * text is read from `text-end` on whether or not anyone settles, so a reader that stops after
   * the text (a turn abandoned mid-yield) still lets the adapter finish: its idle timer cleared,
   * its socket back in the keep-alive pool.
   */
  settle(): Promise<void>
  /** Usage and model from the `done` event; null until the stream has ended cleanly. */
  readonly result: { usage: TokenUsage | null; model: string } | null
  /** With `endOnError`: what the stream failed with, once it has ended; else null. */
  readonly failure: unknown
  /**
   * The adapter said the text was whole (`text-end`): a `failure` then came after it and cost
   * only the usage.
   */
  readonly textEnded: boolean
}

/** An adapter's stream that can also be read by callback (ChatEventStream). */
type CallbackEvents = {
  nextTo(
    onStep: (step: IteratorResult<LlmStreamEvent>) => void,
    onError: (error: unknown) => void,
  ): void
}

export type StreamTextOptions = {
  /**
   * End `deltas` normally when the stream fails and keep the error in `failure`. Filters
   * downstream then release what they hold (the leak guard's last sentence, the notes
   * splitter's tail) instead of losing it with the throw; the caller rethrows afterwards.
   */
  endOnError?: boolean
  /**
   * The adapter's `retract`: the text of the deltas so far was reasoning. Called in order, after
   * the deltas before it were handed out and before the next one is; the reader takes back all
   * it showed.
   */
  onRetract?: () => void
}

/**
 * Streams a chat reply as plain text deltas and keeps the `done` event's usage and model aside,
 * so filters that only understand text can read it (the LLM interviewer pushes each delta through
 * its notes splitter, leak guard and repeat filter).
 */
export function streamText(
  llm: LlmClient,
  request: ChatRequest,
  options: StreamTextOptions = {},
): StreamedText {
  let result: StreamedText['result'] = null
  let failure: unknown = null
  /** The stream has been read to its end (or failed): nothing is left to settle. */
  let drained = false
  /** Reading what follows the text, from `text-end` on (or from the first `settle`). */
  let settling: Promise<void> | null = null
  let textEnded = false
  const events: AsyncIterator<LlmStreamEvent> & Partial<CallbackEvents> = llm
    .streamChat(request)
    [Symbol.asyncIterator]()

  /** Reads the next event; null at the end or on a failure kept for `failure`. */
  const next = async (): Promise<LlmStreamEvent | null> => {
    try {
      const step = await events.next()
      if (step.done) drained = true
      else if (step.value.type === 'done') {
        result = { usage: step.value.usage, model: step.value.model }
      }
      return step.done ? null : step.value
    } catch (error) {
      drained = true
      if (!options.endOnError) throw error
      failure = error
      return null
    }
  }

  const drain = async () => {
    while (!drained) await next()
  }

  /** `deltas` has ended (text-end, the stream's end, a failure, or its reader stopped). */
  let ended = false
  const END: IteratorResult<string, undefined> = { value: undefined, done: true }
  const onStep = (
    step: IteratorResult<LlmStreamEvent>,
  ): IteratorResult<string, undefined> | Promise<IteratorResult<string, undefined>> => {
    if (step.done) {
      drained = ended = true
      return END
    }
    const event = step.value
    if (event.type === 'delta') return { value: event.text, done: false }
    if (event.type === 'done') {
      result = { usage: event.usage, model: event.model }
      return deltas.next()
    }
    if (event.type === 'retract') {
      options.onRetract?.()
      return deltas.next()
    }
    textEnded = ended = true
    // Read on now, not when the reader settles: it may never come back (see `settle`).
    settling = drain()
    // A failure without `endOnError` reaches whoever settles; unsettled, it is not unhandled.
    settling.catch(() => {})
    return END
  }
  const onError = (error: unknown): IteratorResult<string, undefined> => {
    drained = ended = true
    if (!options.endOnError) throw error
    failure = error
    return END
  }
  /**
   * A plain iterator over the adapter's events, not a generator: one promise a delta instead of
   * a generator step's several, on the path of every streamed token
   * (bench/stream/token-path-cpu.ts). Read by for-await, which never asks for a step while one
   * is pending.
   */
  const deltas: AsyncIterableIterator<string> = {
    [Symbol.asyncIterator]() {
      return this
    },
    next() {
      if (ended) return Promise.resolve(END)
      return events.next().then(onStep, onError)
    },
    async return() {
      // A reader that stopped early closes the stream; after the text it is read on by `settle`.
      if (!ended) {
        ended = true
        if (!drained && !textEnded) await events.return?.(undefined)
      }
      return END
    },
  }

  const nextDelta = <R>(
    map: (step: IteratorResult<string, undefined>) => R | Promise<R>,
  ): Promise<R> => {
    if (ended) return Promise.resolve(END).then(map)
    return events.next().then(
      (step) => {
        const mapped = onStep(step)
        return mapped instanceof Promise ? mapped.then(map) : map(mapped)
      },
      (error: unknown) => map(onError(error)),
    )
  }

  /** The callback reader of the delta being read (nextDeltaTo). */
  let toMap: ((step: IteratorResult<string, undefined>) => void) | null = null
  let toFail: ((error: unknown) => void) | null = null
  const mapTo = (step: IteratorResult<string, undefined>) => {
    const map = toMap!
    const fail = toFail!
    toMap = toFail = null
    try {
      map(step)
    } catch (error) {
      fail(error)
    }
  }
  /** Bound once: the adapter's step read by callback, then mapped as in nextDelta. */
  const onEventTo = (step: IteratorResult<LlmStreamEvent>) => {
    let mapped: IteratorResult<string, undefined> | Promise<IteratorResult<string, undefined>>
    try {
      mapped = onStep(step)
    } catch (error) {
      return onFailTo(error)
    }
    if (mapped instanceof Promise) return void mapped.then(mapTo, onFailTo)
    mapTo(mapped)
  }
  const onErrorTo = (error: unknown) => {
    let mapped: IteratorResult<string, undefined>
    try {
      mapped = onError(error)
    } catch (thrown) {
      return onFailTo(thrown)
    }
    mapTo(mapped)
  }
  const onFailTo = (error: unknown) => {
    const fail = toFail!
    toMap = toFail = null
    fail(error)
  }
  const nextDeltaTo = (
    map: (step: IteratorResult<string, undefined>) => void,
    fail: (error: unknown) => void,
  ): void => {
    if (ended || !events.nextTo) {
      return void nextDelta(map).then(undefined, fail)
    }
    toMap = map
    toFail = fail
    events.nextTo(onEventTo, onErrorTo)
  }

  return {
    deltas,
    nextDelta,
    nextDeltaTo,
    settle() {
      return (settling ??= drain())
    },
    get result() {
      return result
    },
    get failure() {
      return failure
    },
    get textEnded() {
      return textEnded
    },
  }
}
