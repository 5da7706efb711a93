/** Backoff before reconnect attempt `attempt` (0-based): 0.5 s doubling, capped at 8 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(8000, 500 * 2 ** Math.max(0, attempt))
}
