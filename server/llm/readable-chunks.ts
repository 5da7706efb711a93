import { finished, type Readable } from 'node:stream'

/** Chunks read ahead of the reader before the stream is paused. */
const READ_AHEAD_CHUNKS = 16

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
export function readableChunks(stream: Readable): AsyncIterableIterator<Buffer | string> {
  const queue: Array<Buffer | string> = []
  /** undefined while the stream is open; null once it ended; else what it failed with. */
  let outcome: unknown = undefined
  let waiter: {
    resolve: (step: IteratorResult<Buffer | string>) => void
    reject: (error: unknown) => void
  } | null = null

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
  /** The next step if one is ready, else undefined. */
  const take = (): Step | undefined => {
    if (queue.length > 0) {
      const value = queue.shift()!
      if (queue.length === 0 && stream.isPaused() && outcome === undefined) stream.resume()
      return { result: { value, done: false } }
    }
    if (outcome === undefined) return undefined
    close()
    return outcome === null ? { result: { value: undefined, done: true } } : { error: outcome }
  }

  function settle() {
    if (!waiter) return
    const step = take()
    if (!step) return
    const { resolve, reject } = waiter
    waiter = null
    if ('result' in step) resolve(step.result)
    else reject(step.error)
  }

  return {
    [Symbol.asyncIterator]() {
      return this
    },
    next() {
      if (closed) return Promise.resolve({ value: undefined, done: true })
      const step = take()
      if (!step) return new Promise((resolve, reject) => (waiter = { resolve, reject }))
      return 'result' in step ? Promise.resolve(step.result) : Promise.reject(step.error)
    },
    return() {
      close()
      return Promise.resolve({ value: undefined, done: true })
    },
  }
}
