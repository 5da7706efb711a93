import { describe, expect, it } from 'vitest'
import { runWithRequestId } from '../../../server/log/request-context.js'
import { formatLogLine } from '../../../server/log/structured-log.js'

const at = new Date('2026-01-01T00:00:00.000Z')
const parse = (line: string) => JSON.parse(line) as Record<string, unknown>

describe('formatLogLine', () => {
  it('is one JSON line: time, level, request id, message, and the error with its code', () => {
    const err = Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' })
    const line = runWithRequestId('r-1', () => formatLogLine('error', ['saving turn', 3, err], at))
    expect(line).not.toContain('\n')
    expect(parse(line)).toMatchObject({
      time: at.toISOString(),
      level: 'error',
      requestId: 'r-1',
      msg: 'saving turn 3',
      err: { name: 'Error', message: 'disk I/O error', code: 'SQLITE_IOERR' },
    })
  })

  it('has a null request id outside any request', () => {
    expect(parse(formatLogLine('info', ['started'], at)).requestId).toBeNull()
  })

  it('keeps the id across awaits and timers started by the request (a grading it began)', async () => {
    const later = await runWithRequestId('r-2', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1))
      return new Promise<string>((resolve) =>
        setImmediate(() => resolve(formatLogLine('warn', ['x']))),
      )
    })
    expect(parse(later).requestId).toBe('r-2')
  })
})
