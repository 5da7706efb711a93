import { chownSync } from 'node:fs'

/** The unprivileged user most Linux systems have (nobody / nogroup). */
const NOBODY = 65534

/**
 * Spawn options that run a child process as an ordinary user, for tests of a folder this user
 * may not write: root writes through any file mode, and CI runs as root, so such a test run as
 * root would pass whether or not the server handles the refusal. As root the child runs as
 * nobody, and `ownDirs` (the test's temp folders, for its data, TMPDIR and HOME) are handed to
 * it first; the repository and node_modules only need to be readable by all, as they are.
 * As anyone else the child runs as that user, and the options are empty.
 */
export function asOrdinaryUser(...ownDirs: string[]): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {}
  for (const dir of ownDirs) chownSync(dir, NOBODY, NOBODY)
  return { uid: NOBODY, gid: NOBODY }
}
