import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

/** One V8 isolate's heap (the main thread's or a worker's), in bytes. */
export type IsolateHeap = {
  /** Resident memory of the heap (V8 total_physical_size), unused room included. */
  committed: number
  /** Live objects and garbage not yet collected. */
  used: number
  /** Resident memory of the young generation (new space), which grows with allocation rate. */
  young: number
}

const HeapSchema = z.object({
  totalCommittedMemory: z.number(),
  usedMemory: z.number(),
  heapSpaces: z.record(z.string(), z.object({ committedMemory: z.number() })),
})
const ThreadReportSchema = z.object({ javascriptHeap: HeapSchema })
const ReportSchema = ThreadReportSchema.extend({ workers: z.array(ThreadReportSchema) })

const heapOf = (h: z.infer<typeof HeapSchema>): IsolateHeap => ({
  committed: h.totalCommittedMemory,
  used: h.usedMemory,
  young: h.heapSpaces.new_space?.committedMemory ?? 0,
})

/**
 * The heaps of a Node process's main thread and of each of its workers, from a diagnostic report
 * (node --report-on-signal: SIGUSR2 makes the process write one, each worker's included).
 */
export function parseIsolateHeaps(reportJson: string): {
  main: IsolateHeap
  workers: IsolateHeap[]
} {
  const report = ReportSchema.parse(JSON.parse(reportJson))
  return {
    main: heapOf(report.javascriptHeap),
    workers: report.workers.map((w) => heapOf(w.javascriptHeap)),
  }
}

/** Asks `pid` for a diagnostic report and reads it from `dir` once it is written. */
export async function requestIsolateHeaps(
  pid: number,
  dir: string,
  timeoutMs = 30_000,
): Promise<{ main: IsolateHeap; workers: IsolateHeap[] }> {
  const before = new Set(readdirSync(dir))
  process.kill(pid, 'SIGUSR2')
  const end = performance.now() + timeoutMs
  while (performance.now() < end) {
    const file = readdirSync(dir).find((name) => !before.has(name) && name.endsWith('.json'))
    if (file) {
      // The report is written in one go but may still be open: retry until it parses.
      try {
        return parseIsolateHeaps(readFileSync(join(dir, file), 'utf8'))
      } catch {}
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`no diagnostic report in ${dir} within ${timeoutMs} ms`)
}
