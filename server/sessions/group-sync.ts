/**
 * Group commit for durability: `sync()` resolves once a flush that began after the call has
 * finished, so whatever the caller wrote before calling is on disk. Calls that arrive while a
 * flush runs share the next one, so a burst of N writes costs about two flushes, not N, and
 * the flush itself (an fsync on libuv's thread pool) never blocks the calling thread.
 */
export function createGroupSync(flush: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null
  let next: Promise<void> | null = null
  const start = (): Promise<void> => {
    const current: Promise<void> = flush().finally(() => {
      if (running === current) running = null
    })
    running = current
    return current
  }
  return () => {
    if (running === null) return start()
    // A flush already under way may have begun before the caller's write: wait for the next.
    next ??= running
      .catch(() => {})
      .then(() => {
        next = null
        return start()
      })
    return next
  }
}
