import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type RedisServer = {
  port: number
  url: string
  /** SIGTERM, then removes the temp folder (not an `aofDir` the caller passed). */
  stop(): Promise<void>
  /** SIGKILL, as a crash: Redis gets no chance to flush anything. */
  crash(): Promise<void>
}

/**
 * A real redis-server on 127.0.0.1 for tests of the Redis and Vercel KV stores: throw-away (no
 * persistence, a temp folder) unless `aofDir` is given, where it keeps an append-only file
 * fsynced on every write (`appendfsync always`), so a restart on the same folder reads it back.
 * Needs `redis-server` on PATH (.ci/run installs it).
 */
export async function startRedisServer(opts: { aofDir?: string } = {}): Promise<RedisServer> {
  const dir = opts.aofDir ?? mkdtempSync(join(tmpdir(), 'sparring-redis-'))
  const removeDir = () => {
    if (!opts.aofDir) rmSync(dir, { recursive: true, force: true })
  }
  const persistence = opts.aofDir
    ? ['--appendonly', 'yes', '--appendfsync', 'always']
    : ['--appendonly', 'no']
  // The free port is found before redis binds it, so another process may take it in between:
  // try a few ports.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = await findFreePort()
    const proc = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', dir],
      { stdio: 'ignore' },
    )
    const exited = new Promise<Error>((resolve) => {
      proc.once('error', (err) => resolve(err))
      proc.once('exit', (code) => resolve(new Error(`redis-server exited with code ${code}`)))
    })
    const ready = await Promise.race([waitForPort(port).then(() => null), exited])
    if (ready === null) {
      return {
        port,
        url: `redis://127.0.0.1:${port}`,
        stop: () => signalServer(proc, 'SIGTERM').then(removeDir),
        crash: () => signalServer(proc, 'SIGKILL'),
      }
    }
    if ((ready as NodeJS.ErrnoException).code === 'ENOENT') {
      removeDir()
      throw new Error('redis-server is not installed (apt-get install -y redis-server)')
    }
  }
  removeDir()
  throw new Error('redis-server did not start')
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** Polls until the port accepts a connection (gotcha: connect ioredis only after this). */
async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (open) return
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`nothing answered on port ${port}`)
}

async function signalServer(proc: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return
  const exited = new Promise((resolve) => proc.once('exit', resolve))
  proc.kill(signal)
  await exited
}
