import { describe, expect, it } from 'vitest'
import { parseIsolateHeaps } from '../../../bench/memory/isolate-heaps.js'

describe('parseIsolateHeaps', () => {
  it("reads the main thread's and each worker's heap from a real diagnostic report", () => {
    const report = process.report.getReport() as unknown as Record<string, unknown>
    const withWorker = { ...report, workers: [report] }
    const heaps = parseIsolateHeaps(JSON.stringify(withWorker))
    expect(heaps.workers).toHaveLength(1)
    expect(heaps.main.committed).toBeGreaterThan(0)
    expect(heaps.main.used).toBeGreaterThan(0)
    expect(heaps.main.young).toBeGreaterThan(0)
    expect(heaps.main.young).toBeLessThanOrEqual(heaps.main.committed)
  })

  it('refuses a report without heaps', () => {
    expect(() => parseIsolateHeaps(JSON.stringify({ workers: [] }))).toThrow()
  })
})
