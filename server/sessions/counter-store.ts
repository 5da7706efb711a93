/**
 * Counters kept in the session store's backend, so rate limits and quotas hold across every
 * instance that shares it (SQLite, Redis, Vercel KV; memory for tests).
 */
export interface CounterStore {
  /**
   * Adds `delta` (negative to give back) to the counter `key` atomically and returns its new
   * value. The counter vanishes `ttlMs` after its latest add, so a window's counter (its key
   * names the window) or a leaked concurrency slot does not outlive its use.
   */
  addToCounter(key: string, delta: number, ttlMs: number): Promise<number>
}
