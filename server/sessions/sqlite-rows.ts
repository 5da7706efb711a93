import type { z } from 'zod'
import { GradeSchema, type Grade } from '../grading/grade-schema.js'
import { SessionSchema, TurnSchema, type Session, type Turn } from './session-schema.js'
import { SessionStoreError } from './session-store-error.js'

/** How sessions and turns sit in SQLite rows; every read goes back through the zod schemas. */
export type SessionRow = {
  id: string
  owner_id: string
  question_id: string
  mode: string
  focus: string | null
  options_json: string
  status: string
  parent_id: string | null
  created_at: string
  updated_at: string
}

export type TurnRow = {
  session_id: string
  id: string
  seq: number
  role: string
  kind: string
  text: string
  client_id: string | null
  created_at: string
  completed_at: string | null
  target: string | null
  hidden_notes: string | null
  provider: string | null
  model: string | null
  usage_json: string | null
  leaks_caught: number
  probe_json: string | null
}

export function toSessionRow(s: Session): SessionRow {
  return {
    id: s.id,
    owner_id: s.ownerId,
    question_id: s.questionId,
    mode: s.mode,
    focus: s.focus,
    options_json: JSON.stringify(s.options),
    status: s.status,
    parent_id: s.parentId,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  }
}

export function toTurnRow(t: Turn): TurnRow {
  return {
    session_id: t.sessionId,
    id: t.id,
    seq: t.seq,
    role: t.role,
    kind: t.kind,
    text: t.text,
    client_id: t.clientId,
    created_at: t.createdAt,
    completed_at: t.completedAt,
    target: t.target,
    hidden_notes: t.hiddenNotes,
    provider: t.provider,
    model: t.model,
    usage_json: t.usage === null ? null : JSON.stringify(t.usage),
    leaks_caught: t.leaksCaught,
    probe_json: t.probe ? JSON.stringify(t.probe) : null,
  }
}

export function fromSessionRow(row: SessionRow): Session {
  const what = `session "${row.id}"`
  return parseStored(SessionSchema, what, {
    id: row.id,
    ownerId: row.owner_id,
    questionId: row.question_id,
    mode: row.mode,
    focus: row.focus,
    options: parseJson(row.options_json, what),
    status: row.status,
    parentId: row.parent_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  })
}

export function fromTurnRow(row: TurnRow): Turn {
  const what = `turn "${row.id}" of session "${row.session_id}"`
  return parseStored(TurnSchema, what, {
    id: row.id,
    sessionId: row.session_id,
    seq: row.seq,
    role: row.role,
    kind: row.kind,
    text: row.text,
    clientId: row.client_id,
    createdAt: row.created_at,
    completedAt: row.completed_at,
    target: row.target,
    hiddenNotes: row.hidden_notes,
    provider: row.provider,
    model: row.model,
    usage: row.usage_json === null ? null : parseJson(row.usage_json, what),
    leaksCaught: row.leaks_caught,
    // Absent rather than null when unset, so a turn reads back as it was written.
    ...(row.probe_json === null ? {} : { probe: parseJson(row.probe_json, what) }),
  })
}

export function fromGradeJson(json: string, sessionId: string): Grade {
  const what = `grade of session "${sessionId}"`
  return parseStored(GradeSchema, what, parseJson(json, what))
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text)
  } catch (cause) {
    throw new SessionStoreError('corrupt', `Stored ${what} is corrupt: not JSON.`, { cause })
  }
}

/** A row that no longer matches its schema is reported by name, never passed on half-valid. */
function parseStored<S extends z.ZodType>(schema: S, what: string, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
  throw new SessionStoreError('corrupt', `Stored ${what} is corrupt: ${issues}`)
}
