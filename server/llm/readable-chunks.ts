import { finished, type Readable } from 'node:stream'

/** Chunks read ahead of the reader before the stream is paused. */
const READ_AHEAD_CHUNKS = 16

/** How long a released stream may take to end before it is destroyed after all. */
const RELEASE_GRACE_MS = 5_000

/**
 * A Node readable's chunks for for-await, with the contract of the stream's own async iterator
 * (chunks in order; its error, or a premature close, thrown; the stream destroyed when the reader
 * stops, early or at the end), except that every chunk received before an error still reaches
 * the reader first (a reset mid-reply keeps the text before it; an abort is checked by the
 * reader on each chunk). Read in flowing mode: each network read arrives as a 'data' event and is handed to the waiting
 * reader at once. The stream's own iterator is an async generator that waits for 'readable'
 * (emitted through process.nextTick) and reads: several promises and a tick per chunk, on the
 * path of every streamed token (bench/stream/token-path-cpu.ts); this costs one promise.
 */
export type ReadableChunks = AsyncIterableIterator<Buffer | string> & {
  /**
   * `next().then(onStep, onError)` as one promise, not two: the handler runs as the chunk
   * arrives (in the 'data' event, or at once when a chunk is queued) and the promise settles
   * with what it returns. The LLM client's stream reads every network read this way
   * (chat-event-stream.ts; bench/stream/token-path-cpu.ts). Same order and outcomes as `next`.
   */
  nextThen<R>(
    onStep: (step: IteratorResult<Buffer | string>) => R | PromiseLike<R>,
    onError: (error: unknown) => R | PromiseLike<R>,
  ): Promise<R>
  /**
   * The reader is done, and the server said the body is over (`[DONE]`): what is left of it
   * (over HTTP/1.1, the chunked body's terminator, usually in the next network read) is read
   * and dropped instead of the stream being destroyed, so node:http hands the connection back to
   * its keep-alive pool. Destroying a response before its end closes its socket, and the next
   * call to the model opened a new connection (a TCP, and over https a TLS, handshake a reply;
   * bench/stream/token-path-cpu.ts counts them). A stream still open `graceMs` later is
   * destroyed after all. Like `return`, no chunk reaches the reader after it.
   */
  release(graceMs?: number): Promise<IteratorResult<Buffer | string>>
  /**
   * `nextThen` with no promise at all: `onStep` (or `onError`) is called once with the next
   * step, at once when one is queued, else from the stream's 'data' event (or its end). The LLM
   * client's stream reads every network read this way when its own reader reads by callback
   * (ChatEventStream.nextTo), so a token costs no promise, no microtask and none of the
   * AsyncLocalStorage hook that runs on each promise. A handler that throws has its error
   * passed to `onError` (which must not throw). Same order and outcomes as `next`.
   */
  read(
    onStep: (step: IteratorResult<Buffer | string>) => void,
    onError: (error: unknown) => void,
  ): void
}

const DONE: IteratorResult<Buffer | string> = Object.freeze({ value: undefined, done: true })

export function readableChunks(stream: Readable): ReadableChunks {
  const queue: Array<Buffer | string> = []
  /** undefined while the stream is open; null once it ended; else what it failed with. */
  let outcome: unknown = undefined
  /**
   * The reader waiting for a step: its promise's settlers, and the handlers whose values settle
   * it (for `next`, none: the step itself).
   */
  let waiter: {
    resolve: (value: unknown) => void
    reject: (error: unknown) => void
    onStep: ((step: IteratorResult<Buffer | string>) => unknown) | null
    onError: ((error: unknown) => unknown) | null
  } | null = null
  /** The callback reader waiting (`read`): held apart, so a read allocates nothing. */
  let readStep: ((step: IteratorResult<Buffer | string>) => void) | null = null
  let readError: ((error: unknown) => void) | null = null

  const onData = (chunk: Buffer | string) => {
    queue.push(chunk)
    if (queue.length >= READ_AHEAD_CHUNKS) stream.pause()
    settle()
  }
  stream.on('data', onData)
  const stopWatching = finished(stream, { writable: false }, (error) => {
    outcome = error ?? null
    settle()
  })
  let closed = false
  const close = () => {
    if (closed) return
    closed = true
    stream.off('data', onData)
    stopWatching()
    stream.destroy()
  }

  type Step = { result: IteratorResult<Buffer | string> } | { error: unknown }
  /** The next queued chunk as a step, the stream resumed once the queue is empty. */
  const shift = (): IteratorResult<Buffer | string> => {
    const value = queue.shift()!
    if (queue.length === 0 && stream.isPaused() && outcome === undefined) stream.resume()
    return { value, done: false }
  }
  /** The next step if one is ready, else undefined. */
  const take = (): Step | undefined => {
    if (queue.length > 0) return { result: shift() }
    if (outcome === undefined) return undefined
    close()
    return outcome === null ? { result: { value: undefined, done: true } } : { error: outcome }
  }

  /** Calls `onStep` with the step, a throw passed to `onError` (as `read` promises). */
  const hand = (
    onStep: (step: IteratorResult<Buffer | string>) => void,
    onError: (error: unknown) => void,
    step: IteratorResult<Buffer | string>,
  ) => {
    try {
      onStep(step)
    } catch (error) {
      onError(error)
    }
  }

  /** Hands the callback reader its step if one is ready; else it waits for the stream. */
  function settleRead() {
    if (queue.length === 0 && outcome === undefined) return
    const onStep = readStep!
    const onError = readError!
    readStep = readError = null
    if (queue.length > 0) return hand(onStep, onError, shift())
    close()
    if (outcome === null) hand(onStep, onError, DONE)
    else onError(outcome)
  }

  function settle() {
    if (readStep) return settleRead()
    if (!waiter) return
    const step = take()
    if (!step) return
    const { resolve, reject, onStep, onError } = waiter
    waiter = null
    try {
      if ('result' in step) resolve(onStep ? onStep(step.result) : step.result)
      else if (onError) resolve(onError(step.error))
      else reject(step.error)
    } catch (error) {
      reject(error)
    }
  }

  return {
    [Symbol.asyncIterator]() {
      return this
    },
    next() {
      if (closed) return Promise.resolve({ value: undefined, done: true })
      const step = take()
      if (!step) {
        return new Promise(
          (resolve, reject) =>
            (waiter = {
              resolve: resolve as (value: unknown) => void,
              reject,
              onStep: null,
              onError: null,
            }),
        )
      }
      return 'result' in step ? Promise.resolve(step.result) : Promise.reject(step.error)
    },
    nextThen<R>(
      onStep: (step: IteratorResult<Buffer | string>) => R | PromiseLike<R>,
      onError: (error: unknown) => R | PromiseLike<R>,
    ): Promise<R> {
      if (closed) return Promise.resolve({ value: undefined, done: true } as const).then(onStep)
      const step = take()
      if (step) {
        try {
          return Promise.resolve('result' in step ? onStep(step.result) : onError(step.error))
        } catch (error) {
          return Promise.reject(error)
        }
      }
      // One closure a read (the executor), the handlers kept beside the settlers.
      return new Promise<R>(
        (resolve, reject) =>
          (waiter = { resolve: resolve as (value: unknown) => void, reject, onStep, onError }),
      )
    },
    read(onStep, onError) {
      readStep = onStep
      readError = onError
      if (!closed) return settleRead()
      readStep = readError = null
      hand(onStep, onError, DONE)
    },
    return() {
      close()
      return Promise.resolve({ value: undefined, done: true })
    },
    release(graceMs = RELEASE_GRACE_MS) {
      // Ended, failed or closed already: nothing is left to read.
      if (closed || outcome !== undefined || stream.destroyed) {
        close()
        return Promise.resolve({ value: undefined, done: true })
      }
      closed = true
      queue.length = 0
      stream.off('data', onData)
      stopWatching()
      const cut = setTimeout(() => stream.destroy(), graceMs)
      cut.unref()
      const stop = () => clearTimeout(cut)
      stream.once('end', stop)
      stream.once('close', stop)
      // Nobody reads it now: a reset before its end must not be an unhandled 'error' event.
      stream.on('error', stop)
      stream.resume()
      return Promise.resolve({ value: undefined, done: true })
    },
  }
}
