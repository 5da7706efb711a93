import { readFileSync, readdirSync } from 'node:fs'

/**
 * CPU time (user + system, ms) used so far by every live process of a process group, counting
 * each one's exited and waited-for children too (utime, stime, cutime, cstime of /proc/<pid>/stat).
 * Read just before the group is stopped: npm does not wait for its child on SIGTERM, so the
 * children fields of this process would miss the server.
 */
export function readProcessGroupCpuMs(pgid: number, ticksPerSec: number): number {
  let ticks = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue // exited between the listing and the read
    }
    // The command name (field 2) may hold spaces: count fields from after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(fields[2]) !== pgid) continue
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])
  }
  return (ticks * 1000) / ticksPerSec
}
