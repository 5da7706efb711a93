import { format } from 'node:util'
import { currentRequestId } from './request-context.js'

export type LogLevel = 'error' | 'warn' | 'info'

/** An error as a log field: what an operator needs, including SQLite's and Node's codes. */
function errorField(err: Error): Record<string, unknown> {
  const code = (err as { code?: unknown }).code
  return {
    name: err.name,
    message: err.message,
    ...(code !== undefined ? { code: String(code) } : {}),
    stack: err.stack,
  }
}

/**
 * One log line as JSON: time, level, the request id of the work that logged it (null outside a
 * request), the message as console would print it, and the first Error among the arguments with
 * its code and stack. One line per call, so a log shipper never splits a stack.
 */
export function formatLogLine(level: LogLevel, args: unknown[], now: Date = new Date()): string {
  const err = args.find((a): a is Error => a instanceof Error)
  const rest = args.filter((a) => a !== err)
  const line: Record<string, unknown> = {
    time: now.toISOString(),
    level,
    requestId: currentRequestId(),
    msg: rest.length > 0 ? format(...rest) : (err?.message ?? ''),
  }
  if (err) line.err = errorField(err)
  return JSON.stringify(line)
}

/**
 * Makes console.error / warn / log / info write JSON lines (formatLogLine) to stderr / stdout,
 * so every log line of the server, its interview and its grading included, carries the request
 * id it belongs to. main.ts installs it once the server listens; returns what undoes it.
 */
export function installStructuredConsole(
  out: { stdout: (line: string) => void; stderr: (line: string) => void } = {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  },
): () => void {
  const saved = { error: console.error, warn: console.warn, log: console.log, info: console.info }
  console.error = (...args: unknown[]) => out.stderr(formatLogLine('error', args))
  console.warn = (...args: unknown[]) => out.stderr(formatLogLine('warn', args))
  console.log = (...args: unknown[]) => out.stdout(formatLogLine('info', args))
  console.info = (...args: unknown[]) => out.stdout(formatLogLine('info', args))
  return () => Object.assign(console, saved)
}
