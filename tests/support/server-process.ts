import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The repository root: server processes run from it, as `npm start` does. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url))

export type ServerProcess = {
  port: number
  /** Everything the process wrote, for a failing test's message. */
  output(): string
  /** SIGKILL: a crash, nothing is flushed or released. Resolves once the process is gone. */
  crash(): Promise<void>
  /** SIGTERM (a clean stop); SIGKILL after 5 s. A no-op when it already exited. */
  stop(): Promise<void>
}

/** From the TypeScript sources: the code under test as it is now, with no build step. */
const FROM_SOURCES = ['--import', 'tsx', 'server/main.ts']

/**
 * The real server (server/main.ts) in its own process: `node --import tsx` so the pid is the
 * server itself and SIGKILL hits it (the tsx CLI would leave its child running). `nodeArgs`
 * replaces what node runs, e.g. `npm start`'s launcher. Listens on 127.0.0.1, port 0; resolves
 * with the port from its start line. `env` is added to a copy of this process's environment with
 * the store and LLM variables cleared, so a developer's shell or .env cannot point a test at a
 * real backend.
 */
export async function startServerProcess(
  env: Record<string, string>,
  nodeArgs: readonly string[] = FROM_SOURCES,
): Promise<ServerProcess> {
  const proc = spawn(process.execPath, nodeArgs, {
    cwd: ROOT,
    env: {
      ...process.env,
      REDIS_URL: '',
      KV_REST_API_URL: '',
      KV_REST_API_TOKEN: '',
      OPENAI_API_KEY: '',
      OPENAI_BASE_URL: '',
      DATABASE_PATH: '',
      PORT: '0',
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const port = await new Promise<number>((resolve, reject) => {
    let settled = false
    const timer = setTimeout(() => fail(new Error('the server did not start in 90 s')), 90_000)
    const fail = (error: Error) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      proc.kill('SIGKILL')
      reject(new Error(`${error.message}\n${output}`))
    }
    const onData = (data: Buffer) => {
      output += data.toString()
      const started = /Sparring on http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)
      if (started && !settled) {
        settled = true
        clearTimeout(timer)
        resolve(Number(started[1]))
      }
    }
    proc.stdout!.on('data', onData)
    proc.stderr!.on('data', onData)
    proc.once('exit', (code, signal) => fail(new Error(`the server exited (${code ?? signal})`)))
  })
  return {
    port,
    output: () => output,
    crash: () => signal(proc, 'SIGKILL'),
    async stop() {
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000)
      await signal(proc, 'SIGTERM')
      clearTimeout(timer)
    },
  }
}

async function signal(proc: ChildProcess, name: NodeJS.Signals): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return
  const exited = new Promise((resolve) => proc.once('exit', resolve))
  proc.kill(name)
  await exited
}
