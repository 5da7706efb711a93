import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

export type RunningServer = {
  url: string
  /** The server process, e.g. to read its memory from /proc. */
  pid: number
  stop: () => Promise<void>
  output: () => string
}

/**
 * Starts the real entry (server/main.ts) as a child on 127.0.0.1 (port 0 unless given), with a
 * temp DATA_DIR (or the one given, which is then kept) and no LLM key (the offline engine and
 * grader), serving the built dist/web. Resolves with its URL once it prints it.
 */
export async function startServer(
  options: { port?: number; dataDir?: string } = {},
): Promise<RunningServer> {
  const ownsData = options.dataDir === undefined
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sparring-e2e-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port ?? 0),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
  }
  for (const key of Object.keys(env)) if (key.startsWith('OPENAI_')) delete env[key]
  env.WEB_DIST_DIR = join(ROOT, 'dist/web')
  env.QUESTIONS_DIR = join(ROOT, 'questions')
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Sparring on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${output}`))
    })
  })
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
      if (child.exitCode === null) child.kill('SIGKILL')
    }
    if (ownsData) rmSync(dataDir, { recursive: true, force: true })
  }
  return { url, pid: child.pid ?? 0, stop, output: () => output }
}
