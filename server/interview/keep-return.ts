/**
 * An async generator's yields, for a for-await loop, with its return value, which for-await
 * drops. Leaving the loop early (a throw or a break) closes the generator (for-await calls
 * `return`, forwarded to it), so its finally blocks run and what it reads from is closed in turn:
 * a model's HTTP stream is cancelled, not left open with nobody reading it. Stepping a generator
 * by hand with `next()` skips that close.
 *
 * A plain iterator over the generator rather than a generator delegating with `yield*`: this
 * sits on the path of every streamed token, and a generator layer costs several promises a step
 * (bench:stream --cpu-prof-dir); this one costs one.
 */
export function keepReturn<T, R>(
  generator: AsyncGenerator<T, R, undefined>,
): { values: AsyncIterableIterator<T>; readonly result: R } {
  let ended: { value: R } | null = null
  const values: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]() {
      return this
    },
    next() {
      return generator.next().then((step): IteratorResult<T, undefined> => {
        if (!step.done) return step
        ended = { value: step.value }
        return { done: true, value: undefined }
      })
    },
    async return() {
      await generator.return(undefined as R)
      return { done: true, value: undefined }
    },
  }
  return {
    values,
    /** The generator's return value, once `values` has ended. */
    get result(): R {
      if (ended === null) throw new Error('keepReturn: the generator has not returned yet')
      return ended.value
    },
  }
}
