import { readlinkSync } from 'node:fs'
import { setPriority } from 'node:os'

/**
 * The nice value of the coverage and grading worker threads. The thread that relays every
 * stream stays at the process's own priority (0 as started), so when a burst of coverage maps or
 * a grade wants both cores, the relay's next token still gets one at once: at 10 the scheduler
 * gives a busy worker about a tenth of the CPU time of a busy thread at 0 on the same core, and
 * all of an otherwise idle core. 10 rather than 19 so the workers are not starved behind every
 * other process of the machine (the map of an answer still has to come).
 */
export const BACKGROUND_NICE = 10

export type PriorityDeps = {
  readlink: (path: string) => string
  setPriority: (pid: number, priority: number) => void
}

const SYSTEM: PriorityDeps = {
  readlink: (path) => readlinkSync(path),
  setPriority: (pid, priority) => setPriority(pid, priority),
}

/**
 * Lowers the calling thread's scheduling priority (and only this thread's: on Linux
 * setpriority(PRIO_PROCESS, tid) applies to one thread, and /proc/thread-self links to
 * "<pid>/task/<tid>"). Lowering needs no privilege. Elsewhere (no /proc, another OS) or when
 * refused it does nothing: a worker at the main thread's priority works as before. Returns the
 * thread id lowered, or null.
 */
export function lowerThreadPriority(
  nice: number = BACKGROUND_NICE,
  deps: PriorityDeps = SYSTEM,
): number | null {
  try {
    const tid = Number(/\/task\/(\d+)$/.exec(deps.readlink('/proc/thread-self'))?.[1])
    // Without a thread id, setPriority(0) would lower the whole process: the relay thread too.
    if (!Number.isInteger(tid) || tid <= 0) return null
    deps.setPriority(tid, nice)
    return tid
  } catch {
    return null
  }
}
