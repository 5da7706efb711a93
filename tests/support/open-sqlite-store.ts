import { SqliteSessionStore } from '../../server/sessions/sqlite-session-store.js'

/**
 * Run as a child process (`node --import tsx tests/support/open-sqlite-store.ts <path>`), so a
 * test can open a store as another user (asOrdinaryUser): prints, as one JSON line, the error
 * SqliteSessionStore.open threw, or `{ "opened": true }`.
 */
const path = process.argv[2]!
try {
  await SqliteSessionStore.open(path).close()
  console.log(JSON.stringify({ opened: true }))
} catch (err) {
  const { name, code, message } = err as { name?: string; code?: string; message?: string }
  console.log(JSON.stringify({ name, code, message }))
}
