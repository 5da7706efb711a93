import { createHash } from 'node:crypto'
import type { Question } from '../questions/question-schema.js'

const VERSIONS = new WeakMap<Question, string>()

/**
 * A key that changes with a question's content: a hash of the whole question, computed once per
 * question object (questions are parsed once and never changed in place). Caches of what is
 * derived from a question key by it, not by the id alone: a question file edited and imported
 * again keeps its id, and a cache by id would go on serving what the old text gave. Copies of one
 * question (a worker's, a test's) share their entries.
 */
export function questionVersion(question: Question): string {
  let version = VERSIONS.get(question)
  if (version === undefined) {
    version = createHash('sha1').update(JSON.stringify(question)).digest('base64url')
    VERSIONS.set(question, version)
  }
  return version
}
