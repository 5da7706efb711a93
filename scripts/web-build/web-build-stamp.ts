import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'
import { z } from 'zod'

/**
 * The stamp beside dist/ that says which sources the web client in dist/web was built from: every
 * file of the build's module graph outside node_modules (web/ and the server schemas it imports),
 * plus the files that steer the build without being modules. `npm start` rebuilds only when the
 * hash of those files no longer matches, so a warm start skips the several-second vite build.
 */

/** Relative to the project root; dist/ rather than dist/web, which vite empties on every build. */
export const STAMP_PATH = join('dist', 'web-build-inputs.json')
/** The built page itself: without it there is nothing to serve, whatever the stamp says. */
export const BUILT_PAGE_PATH = join('dist', 'web', 'index.html')

/** Inputs that are not modules of the graph: config, dependency versions (node_modules is covered by the lock). */
const CONFIG_INPUTS = ['vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json']
/** Everything under web/ counts, also files no module imports (public assets, a web/.env). */
const WEB_DIR = 'web'

const StampSchema = z.object({
  version: z.literal(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Module-graph files outside node_modules, relative to the root, '/'-separated. */
  moduleFiles: z.array(z.string().min(1)),
})
export type WebBuildStamp = z.infer<typeof StampSchema>

/** Why a rebuild is needed, or null when dist/web matches its sources. */
export type StaleReason = 'no_build' | 'no_stamp' | 'bad_stamp' | 'sources_changed' | null

function listFilesUnder(root: string, dir: string): string[] {
  const abs = join(root, dir)
  if (!existsSync(abs)) return []
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => toPosix(relative(root, join(entry.parentPath, entry.name))))
}

function toPosix(path: string): string {
  return path.split(sep).join('/')
}

/**
 * The module ids vite saw, reduced to real project files: no virtual modules (\0 or a leading
 * space), no query suffixes, nothing under node_modules (the lock stands for those).
 */
export function projectModuleFiles(root: string, moduleIds: Iterable<string>): string[] {
  const files = new Set<string>()
  for (const id of moduleIds) {
    const path = id.split('?')[0] ?? ''
    if (!isAbsolute(path)) continue
    const rel = relative(root, path)
    if (rel.startsWith('..') || isAbsolute(rel)) continue
    const posix = toPosix(rel)
    if (posix.split('/').includes('node_modules')) continue
    if (existsSync(path)) files.add(posix)
  }
  return [...files].sort()
}

/** sha256 over each input's path and bytes, in a fixed order; a missing file hashes as missing. */
export function hashWebBuildInputs(root: string, moduleFiles: readonly string[]): string {
  const inputs = new Set([...CONFIG_INPUTS, ...listFilesUnder(root, WEB_DIR), ...moduleFiles])
  const hash = createHash('sha256')
  for (const file of [...inputs].sort()) {
    hash.update(`${file}\0`)
    const abs = join(root, file)
    hash.update(existsSync(abs) ? readFileSync(abs) : '\0missing\0')
    hash.update('\0')
  }
  return hash.digest('hex')
}

export function writeWebBuildStamp(root: string, moduleFiles: readonly string[]): WebBuildStamp {
  const stamp: WebBuildStamp = {
    version: 1,
    hash: hashWebBuildInputs(root, moduleFiles),
    moduleFiles: [...moduleFiles],
  }
  writeFileSync(join(root, STAMP_PATH), `${JSON.stringify(stamp, null, 2)}\n`)
  return stamp
}

/** Removed when a build starts, so a build that fails halfway never looks current. */
export function removeWebBuildStamp(root: string): void {
  rmSync(join(root, STAMP_PATH), { force: true })
}

export function webBuildStaleReason(root: string): StaleReason {
  if (!existsSync(join(root, BUILT_PAGE_PATH))) return 'no_build'
  const stampPath = join(root, STAMP_PATH)
  if (!existsSync(stampPath)) return 'no_stamp'
  let stamp: WebBuildStamp
  try {
    stamp = StampSchema.parse(JSON.parse(readFileSync(stampPath, 'utf8')))
  } catch {
    return 'bad_stamp'
  }
  return hashWebBuildInputs(root, stamp.moduleFiles) === stamp.hash ? null : 'sources_changed'
}
