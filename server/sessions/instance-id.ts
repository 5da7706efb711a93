import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'

/**
 * The id of this server process among instances: what holds session leases and grading jobs.
 * Host and pid make logs and "in use by" messages readable; the random part keeps a restarted
 * process (same pid in a fresh container) from passing for its dead predecessor.
 */
export function createInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`
}
