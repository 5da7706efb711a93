import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** Clock ticks a second for /proc times (USER_HZ); read once from getconf, 100 on Linux otherwise. */
export function readClockTicks(): number {
  try {
    const value = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim())
    return value > 0 ? value : 100
  } catch {
    return 100
  }
}

/**
 * CPU time (user + system) a process has used, in ms, from /proc/<pid>/stat; with `thread`, that
 * one thread's (/proc/<pid>/task/<tid>/stat: a Node process's main thread has tid = pid).
 */
export function readCpuMs(pid: number, ticksPerSec: number, thread?: number): number {
  const path = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`
  const stat = readFileSync(path, 'utf8')
  // The command name (field 2) may hold spaces: count fields from after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  return (ticks * 1000) / ticksPerSec
}

/** Resident and peak resident memory of a process in MB, from /proc/<pid>/status. */
export function readMemoryMb(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0)
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 }
}
