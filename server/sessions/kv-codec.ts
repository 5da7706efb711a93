import { z } from 'zod'
import { GradeSchema, type Grade } from '../grading/grade-schema.js'
import { SessionSchema, TurnSchema, type Session, type Turn } from './session-schema.js'
import type { NewTurn } from './session-store.js'
import { SessionStoreError } from './session-store-error.js'

/*
 * How sessions, turns and grades are written as Redis strings (layout in kv-keys.ts), and read
 * back through the zod schemas: a value that no longer matches is reported by name, never
 * passed on half-valid.
 */

const FlatHashSchema = z.array(z.string())

/** A session as HSET field/value pairs, each value JSON-encoded. */
export function encodeSessionFields(session: Session): string[] {
  return Object.entries(SessionSchema.parse(session)).flatMap(([field, value]) => [
    field,
    JSON.stringify(value),
  ])
}

/** Field/value pairs of a partial update, skipping undefined values. */
export function encodeSessionPatch(patch: Partial<Session>): string[] {
  return Object.entries(patch).flatMap(([field, value]) =>
    value === undefined ? [] : [field, JSON.stringify(value)],
  )
}

/** The session from a flat HGETALL reply, or null for an empty one (no such key). */
export function decodeSessionFields(flat: unknown, what: string): Session | null {
  const pairs = parseStored(FlatHashSchema, what, flat)
  if (pairs.length === 0) return null
  const record: Record<string, unknown> = {}
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    record[pairs[i] as string] = parseJson(pairs[i + 1] as string, what)
  }
  return parseStored(SessionSchema, `session "${String(record.id ?? what)}"`, record)
}

/**
 * A turn as stored: JSON without seq (its list position) and sessionId (its key), in a fixed
 * field order so that equal turns are equal strings (the scripts compare them).
 */
export function encodeTurnRecord(turn: NewTurn | Turn): string {
  const t = TurnSchema.omit({ seq: true }).parse(turn)
  return JSON.stringify({
    id: t.id,
    role: t.role,
    kind: t.kind,
    text: t.text,
    clientId: t.clientId,
    createdAt: t.createdAt,
    completedAt: t.completedAt,
    target: t.target,
    hiddenNotes: t.hiddenNotes,
    provider: t.provider,
    model: t.model,
    usage: t.usage,
    leaksCaught: t.leaksCaught,
    // Only when set: a turn stored before probes existed stays the same string.
    ...(t.probe ? { probe: t.probe } : {}),
  })
}

export function decodeTurnRecord(record: unknown, sessionId: string, seq: number): Turn {
  const what = `turn ${seq} of session "${sessionId}"`
  const text = parseStored(z.string(), what, record)
  const fields = parseStored(z.record(z.string(), z.unknown()), what, parseJson(text, what))
  return parseStored(TurnSchema, what, { ...fields, sessionId, seq })
}

export function encodeGrade(grade: Grade): string {
  return JSON.stringify(GradeSchema.parse(grade))
}

export function decodeGrade(json: unknown, sessionId: string): Grade {
  const what = `grade of session "${sessionId}"`
  return parseStored(GradeSchema, what, parseJson(parseStored(z.string(), what, json), what))
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text)
  } catch (cause) {
    throw new SessionStoreError('corrupt', `Stored ${what} is corrupt: not JSON.`, { cause })
  }
}

/** Checks a stored value (or a script's reply) against its schema. */
export function parseStored<S extends z.ZodType>(
  schema: S,
  what: string,
  value: unknown,
): z.infer<S> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
  throw new SessionStoreError('corrupt', `Stored ${what} is corrupt: ${issues}`)
}
