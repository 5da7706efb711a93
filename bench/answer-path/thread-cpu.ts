import { readFileSync } from 'node:fs'

/**
 * CPU time the calling thread has run, in ms, from /proc/thread-self/schedstat (nanoseconds on
 * the CPU, first field). Unlike wall or event-loop time it does not grow while other processes of
 * a busy machine hold the cores, so it measures the work itself.
 */
export function readThreadCpuMs(): number {
  const ns = Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0])
  return ns / 1e6
}
