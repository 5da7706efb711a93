import { z } from 'zod'
import { SessionStoreError } from './session-store-error.js'

/**
 * The position after the last session of a page, for "newest first" listing: sessions are ordered
 * by createdAt descending, then id descending so that equal times still have one order.
 * Opaque to clients (base64url JSON) so the order can change without breaking their URLs' shape.
 */
export type SessionCursor = { createdAt: string; id: string }

const CursorSchema = z.tuple([z.string().min(1), z.string().min(1)])

function encodeSessionCursor(cursor: SessionCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url')
}

/** The cursor, or null when the text is not one this server made. */
export function decodeSessionCursor(text: string): SessionCursor | null {
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString()))
    return parsed.success ? { createdAt: parsed.data[0], id: parsed.data[1] } : null
  } catch {
    return null
  }
}

/** Where a listing continues: null for the first page; a cursor this server did not make throws. */
export function readListCursor(cursor: string | undefined): SessionCursor | null {
  if (cursor === undefined) return null
  const after = decodeSessionCursor(cursor)
  if (!after) throw new SessionStoreError('bad_cursor', 'Unknown listing cursor.')
  return after
}

/**
 * The cursor of the page after one that ends at `last`: stores fetch `limit + 1` sessions, so a
 * page has a successor only when more than `limit` came back.
 */
export function nextListCursor(
  fetched: number,
  limit: number,
  last: SessionCursor | undefined,
): string | null {
  return fetched > limit && last ? encodeSessionCursor(last) : null
}

/** True when `a` comes before `b` in "newest first" order. */
export function isNewerThan(a: SessionCursor, b: SessionCursor): boolean {
  return a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id)
}
