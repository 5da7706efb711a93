import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { watchServerOutput } from '../../../bench/start/server-output.js'

/** A stand-in server: a node process that logs what it is told to, then exits with `code`. */
function fakeServer(script: string) {
  return spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] })
}

describe('watchServerOutput', () => {
  it('finds lines on stdout and stderr, already read or still to come', async () => {
    const child = fakeServer(
      "console.log('Sparring on http://127.0.0.1:4321/'); " +
        "setTimeout(() => console.error('Word vectors loaded in 812 ms'), 20); " +
        'setTimeout(() => {}, 200)',
    )
    const lineOf = watchServerOutput(child, { timeoutMs: 30_000, name: 'fake' })
    const vectors = lineOf(/Word vectors loaded in (\d+) ms/)
    const listening = await lineOf(/Sparring on http:\/\/[^:]+:(\d+)\//)
    expect(listening.match[1]).toBe('4321')
    expect((await vectors).match[1]).toBe('812')
    // Asked again after it was read: found in what was read so far.
    expect((await lineOf(/Sparring on/)).match[0]).toBe('Sparring on')
    expect((await vectors).at).toBeGreaterThanOrEqual(listening.at)
    child.kill()
  })

  it('rejects with the output so far when the server exits first, before or after the ask', async () => {
    const child = fakeServer("console.error('EADDRINUSE'); process.exit(3)")
    const lineOf = watchServerOutput(child, { timeoutMs: 30_000, name: 'fake' })
    await expect(lineOf(/Sparring on/)).rejects.toThrow(/fake exited \(3\):\nEADDRINUSE/)
    await expect(lineOf(/never/)).rejects.toThrow(/fake exited \(3\)/)
  })
})
