import { describe, expect, it } from 'vitest'
import { parseStartNodeFlags, startNodeFlags } from '../../../bench/shared/start-node-flags.js'

describe('startNodeFlags', () => {
  it('reads the flags between node and scripts/start.mjs', () => {
    const pkg = JSON.stringify({
      scripts: { start: 'node --max-semi-space-size=4 --no-warnings scripts/start.mjs' },
    })
    expect(parseStartNodeFlags(pkg)).toEqual(['--max-semi-space-size=4', '--no-warnings'])
  })

  it('refuses a start script it cannot read flags from', () => {
    const pkg = JSON.stringify({ scripts: { start: 'tsx server/main.ts' } })
    expect(() => parseStartNodeFlags(pkg)).toThrow()
  })

  // The repo's own package.json: the benches run the server with these.
  it("reads this repo's start script", () => {
    expect(startNodeFlags()).toContain('--max-semi-space-size=4')
  })
})
