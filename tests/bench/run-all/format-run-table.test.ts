import { expect, it } from 'vitest'
import { formatRunSection } from '../../../bench/run-all/format-run-table.js'

it('gives each script its command, start, duration, load and result', () => {
  const section = formatRunSection(
    '## How these figures were made',
    [
      {
        script: 'bench:start',
        startedAt: '2026-12-02T01:04:07.000Z',
        durationMs: 65_000,
        exitCode: 0,
        loadBefore: 17.25,
      },
      {
        script: 'bench:stream',
        startedAt: '2026-12-02T01:05:12.000Z',
        durationMs: 12_000,
        exitCode: 2,
        loadBefore: 3,
      },
    ],
    { cpus: 2, cpuModel: 'AMD EPYC', memoryGb: 8, node: 'v20.20.2', os: 'Linux 6.1' },
  )
  expect(section.startsWith('## How these figures were made\n')).toBe(true)
  expect(section).toContain('2 CPUs (AMD EPYC), 8 GB, Linux 6.1, Node v20.20.2')
  expect(section).toContain(
    '| `npm run bench:start` | 2026-12-02 01:04 UTC | 1.1 min | 17.3 | wrote its section |',
  )
  expect(section).toContain(
    '| `npm run bench:stream` | 2026-12-02 01:05 UTC | 12 s | 3.0 | **failed** (exit 2)',
  )
})
