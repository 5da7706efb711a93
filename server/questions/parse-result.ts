import type { ImportError } from './source-line.js'

/** Expected failures of the importer are results, never throws. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: ImportError[] }

export const parsed = <T>(value: T): ParseResult<T> => ({ ok: true, value })
export const failed = (line: number, message: string): ParseResult<never> => ({
  ok: false,
  errors: [{ line, message }],
})
