import { readFileSync } from 'node:fs'

/** A process's memory as the kernel counts it (/proc/<pid>/status), in bytes. */
export type ProcMemory = {
  /** Resident set size: every page of the process in RAM (RssAnon + RssFile + RssShmem). */
  rss: number
  /** Anonymous pages: heaps of every thread, the word-vector buffer, malloc. */
  anon: number
  /** File-backed pages: the node binary and shared libraries as far as they were touched. */
  file: number
  shmem: number
  /** Peak resident set size since the process started (VmHWM). */
  peak: number
  threads: number
}

/** Parses the text of /proc/<pid>/status; throws when a field this needs is missing. */
export function parseProcStatus(status: string): ProcMemory {
  const field = (key: string) => {
    const match = new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)
    if (!match) throw new Error(`/proc status has no ${key}`)
    return Number(match[1])
  }
  const kb = (key: string) => field(key) * 1024
  return {
    rss: kb('VmRSS'),
    anon: kb('RssAnon'),
    file: kb('RssFile'),
    shmem: kb('RssShmem'),
    peak: kb('VmHWM'),
    threads: field('Threads'),
  }
}

export function readProcMemory(pid: number): ProcMemory {
  return parseProcStatus(readFileSync(`/proc/${pid}/status`, 'utf8'))
}

/**
 * RSS sampled every `everyMs` for `forMs`: at idle the figure still moves as the collectors of
 * the threads run, so a section reports the median of a window and its range, not one reading.
 */
export async function sampleProcMemory(
  pid: number,
  forMs: number,
  everyMs: number,
): Promise<ProcMemory[]> {
  const samples: ProcMemory[] = []
  const end = performance.now() + forMs
  for (;;) {
    samples.push(readProcMemory(pid))
    if (performance.now() + everyMs > end) return samples
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}

/** The sample with the median RSS (the lower middle one for an even count). */
export function medianSample(samples: readonly ProcMemory[]): ProcMemory {
  if (samples.length === 0) throw new Error('no samples')
  const sorted = [...samples].sort((a, b) => a.rss - b.rss)
  return sorted[Math.floor((sorted.length - 1) / 2)]!
}
