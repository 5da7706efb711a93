/**
 * An async generator's yields, for a for-await loop, with its return value, which for-await
 * drops. Leaving the loop early (a throw, a break, or the generator around the loop closed
 * while it waits at a yield) closes the generator through `yield*`, so its finally blocks run
 * and what it reads from is closed in turn: a model's HTTP stream is cancelled, not left open
 * with nobody reading it. Stepping a generator by hand with `next()` skips that close.
 */
export function keepReturn<T, R>(
  generator: AsyncGenerator<T, R, undefined>,
): { values: AsyncGenerator<T, void, undefined>; readonly result: R } {
  let ended: { value: R } | null = null
  async function* values(): AsyncGenerator<T, void, undefined> {
    ended = { value: yield* generator }
  }
  return {
    values: values(),
    /** The generator's return value, once `values` has ended. */
    get result(): R {
      if (ended === null) throw new Error('keepReturn: the generator has not returned yet')
      return ended.value
    },
  }
}
