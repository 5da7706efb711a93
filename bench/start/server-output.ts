import type { ChildProcess } from 'node:child_process'

/** A line of a started server's output, and when (performance.now()) it was read. */
export type OutputMatch = { match: RegExpExecArray; at: number }

/**
 * Watches a started server's stdout and stderr, for the benchmarks that start it (bench:start,
 * bench:memory) and wait for its log lines ("Sparring on http://...", "Word vectors loaded in").
 * The returned function resolves with the first match of `pattern` in the output so far or to
 * come, and rejects when `timeoutMs` pass first or the server has exited, with its output.
 */
export function watchServerOutput(
  child: ChildProcess,
  options: { timeoutMs: number; name: string },
): (pattern: RegExp) => Promise<OutputMatch> {
  let out = ''
  let exitCode: number | null | undefined
  const waiters = new Set<{ pattern: RegExp; settle: (m: OutputMatch | Error) => void }>()
  const onData = (data: Buffer) => {
    out += String(data)
    const at = performance.now()
    for (const waiter of waiters) {
      const match = waiter.pattern.exec(out)
      if (match) waiter.settle({ match, at })
    }
  }
  child.stdout?.on('data', onData)
  child.stderr?.on('data', onData)
  // One listener for every waiter, not one per call. 'close', not 'exit': the pipes are read to
  // their end by then, so the error carries the server's last words (why it stopped).
  child.once('close', (code) => {
    exitCode = code
    for (const waiter of waiters) {
      waiter.settle(new Error(`${options.name} exited (${code}):\n${out}`))
    }
  })
  return (pattern) =>
    new Promise<OutputMatch>((resolve, reject) => {
      const now = pattern.exec(out)
      if (now) return resolve({ match: now, at: performance.now() })
      if (exitCode !== undefined) {
        return reject(new Error(`${options.name} exited (${exitCode}):\n${out}`))
      }
      const timer = setTimeout(
        () => waiter.settle(new Error(`no ${pattern} within ${options.timeoutMs} ms:\n${out}`)),
        options.timeoutMs,
      )
      const waiter = {
        pattern,
        settle: (result: OutputMatch | Error) => {
          clearTimeout(timer)
          waiters.delete(waiter)
          if (result instanceof Error) reject(result)
          else resolve(result)
        },
      }
      waiters.add(waiter)
    })
}
