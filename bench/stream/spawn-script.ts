import { spawn, type ChildProcess } from 'node:child_process'

/** A TypeScript script in its own Node process (one process, so its pid is the one to measure). */
export function spawnScript(
  script: string,
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Resolves with the first stdout match of `pattern`; rejects on exit or after `timeoutMs`. */
export function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs: number,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(
      () => finish(new Error(`no ${pattern} within ${timeoutMs} ms:\n${err}`)),
      timeoutMs,
    )
    const onData = (data: Buffer) => {
      out += String(data)
      const match = pattern.exec(out)
      if (match) finish(null, match)
    }
    const onErr = (data: Buffer) => {
      err = (err + String(data)).slice(-4000)
    }
    const onExit = (code: number | null) =>
      finish(new Error(`exited (${code}) before ${pattern}:\n${err}`))
    function finish(error: Error | null, match?: RegExpExecArray) {
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.stderr?.off('data', onErr)
      child.off('exit', onExit)
      if (error) reject(error)
      else resolve(match!)
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onErr)
    child.on('exit', onExit)
  })
}
