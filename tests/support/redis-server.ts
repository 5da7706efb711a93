import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type RedisServer = { port: number; url: string; stop(): Promise<void> }

/**
 * A real, throw-away redis-server on 127.0.0.1 (no persistence, data in a temp folder), for
 * tests of the Redis and Vercel KV stores. Needs `redis-server` on PATH (.ci/run installs it).
 */
export async function startRedisServer(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'sparring-redis-'))
  // The free port is found before redis binds it, so another process may take it in between:
  // try a few ports.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = await findFreePort()
    const proc = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
      ],
      { stdio: 'ignore' },
    )
    const exited = new Promise<Error>((resolve) => {
      proc.once('error', (err) => resolve(err))
      proc.once('exit', (code) => resolve(new Error(`redis-server exited with code ${code}`)))
    })
    const ready = await Promise.race([waitForPort(port).then(() => null), exited])
    if (ready === null) {
      return { port, url: `redis://127.0.0.1:${port}`, stop: () => stopServer(proc, dir) }
    }
    if ((ready as NodeJS.ErrnoException).code === 'ENOENT') {
      rmSync(dir, { recursive: true, force: true })
      throw new Error('redis-server is not installed (apt-get install -y redis-server)')
    }
  }
  rmSync(dir, { recursive: true, force: true })
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

async function stopServer(proc: ChildProcess, dir: string): Promise<void> {
  if (proc.exitCode === null && proc.signalCode === null) {
    const exited = new Promise((resolve) => proc.once('exit', resolve))
    proc.kill('SIGTERM')
    await exited
  }
  rmSync(dir, { recursive: true, force: true })
}
