import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { webBuildStaleReason } from './web-build-stamp.js'

/**
 * Builds the web client only when its sources changed since the last build (see
 * web-build-stamp.ts). A current build costs a hash of about a hundred files, not a vite run.
 * Returns false when a needed build failed.
 */
export function ensureWebBuild(root: string, log: (line: string) => void): boolean {
  const reason = webBuildStaleReason(root)
  if (reason === null) {
    log('Web client is current (dist/web matches its sources): build skipped')
    return true
  }
  log(`Building the web client (${reason.replaceAll('_', ' ')})`)
  // A child process, so nothing of vite stays in the server's memory; vite's own bin, as
  // `npm run build` runs it, with the project's vite.config.ts (which writes the stamp).
  const viteBin = join(
    dirname(createRequire(import.meta.url).resolve('vite/package.json')),
    'bin/vite.js',
  )
  const result = spawnSync(process.execPath, [viteBin, 'build'], { cwd: root, stdio: 'inherit' })
  return result.status === 0
}
