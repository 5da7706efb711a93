import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { expect, it } from 'vitest'
import { readProcessGroupCpuMs } from '../../../bench/start/process-group-cpu.js'
import { readClockTicks } from '../../../bench/stream/proc-stats.js'

it('counts the CPU of a process group, its exited children included', async () => {
  // A shell (the group leader) that waits for a node child burning 300 ms of CPU, then idles.
  const burn = 'while (process.cpuUsage().user < 300000);'
  const child = spawn('sh', ['-c', `"${process.execPath}" -e '${burn}'; sleep 30`], {
    detached: true,
    stdio: 'ignore',
  })
  try {
    const ticks = readClockTicks()
    const deadline = Date.now() + 15_000
    let cpuMs = 0
    while (cpuMs < 250 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      cpuMs = readProcessGroupCpuMs(child.pid!, ticks)
    }
    expect(cpuMs).toBeGreaterThanOrEqual(250)
    // No process has a group id above pid_max (2^22 at most).
    expect(readProcessGroupCpuMs(2 ** 22 + 1, ticks)).toBe(0)
  } finally {
    const exited = once(child, 'exit')
    process.kill(-child.pid!, 'SIGKILL')
    await exited
  }
})
