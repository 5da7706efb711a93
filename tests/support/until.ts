/**
 * Polls `probe` every 50 ms until it gives a value (not undefined) and returns it; fails after
 * `timeoutMs` naming what it waited for. For tests that watch real processes and sockets, where
 * no event says when the awaited state arrives.
 */
export async function until<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
