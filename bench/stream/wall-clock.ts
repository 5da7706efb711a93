/** Milliseconds since the epoch with sub-millisecond precision, comparable across processes on one machine. */
export function readWallClockMs(): number {
  return performance.timeOrigin + performance.now()
}
