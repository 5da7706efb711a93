import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const BUILT = join(ROOT, 'dist/web/index.html')
/** What the web build is made from (the client imports these server schemas too). */
const SOURCES = [
  'web',
  'vite.config.ts',
  'server/protocol/interview-protocol.ts',
  'server/sessions/session-schema.ts',
  'server/sessions/session-report.ts',
  'server/grading/grade-schema.ts',
  'server/questions/question-schema.ts',
]

function newestMtime(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newestMtime(join(path, name))),
    stat.mtimeMs,
  )
}

/** True when dist/web exists and is newer than every source it is built from. */
export function isWebBuildFresh(): boolean {
  if (!existsSync(BUILT)) return false
  const built = statSync(BUILT).mtimeMs
  return SOURCES.every((s) => !existsSync(join(ROOT, s)) || newestMtime(join(ROOT, s)) <= built)
}

/**
 * Builds dist/web when it is missing or stale. Test files run in parallel, so the build runs
 * under flock and re-checks inside it: one file builds, the others wait and find it fresh.
 */
export function ensureWebBuild(): void {
  if (isWebBuildFresh()) return
  const script = fileURLToPath(new URL('./build-web-if-stale.ts', import.meta.url))
  execFileSync('flock', ['/tmp/sparring-web-build.lock', 'npx', 'tsx', script], {
    cwd: ROOT,
    stdio: 'pipe',
  })
}
