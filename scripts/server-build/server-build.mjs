// Plain JavaScript, not TypeScript: `npm start` runs this with node alone, so no TypeScript
// loader (tsx) is started to decide whether the server bundle is current. Types: server-build.d.mts.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, sep } from 'node:path'

/**
 * The server built once into plain ES modules (esbuild, one bundle per entry, packages left
 * external), so `npm start` runs it with node alone: no tsx transpiling and resolving every
 * module at each start, in the process and again in each worker thread.
 *
 * The entries sit side by side in the output directory: workerEntryUrl (server/workers/
 * worker-entry.ts) resolves a worker as the sibling .js of the module that starts it, which in a
 * bundle is main.js. The directory must be two levels below the project root, as server/prompts/
 * is, because the bundled code keeps its `new URL('../../prompts/', import.meta.url)`.
 */

/** The default output, relative to the project root (git-ignored, as all of dist/ is). */
export const SERVER_OUT_DIR = join('dist', 'server')

/** Output name (without .js) to source entry, relative to the project root. */
export const SERVER_ENTRIES = {
  main: 'server/main.ts',
  'offline-grader-worker': 'server/grading/offline-grader-worker.ts',
  'coverage-worker': 'server/interview/coverage-worker.ts',
  // `npm start` checks the web build with this before it imports main.js.
  'ensure-web-build': 'scripts/web-build/ensure-web-build.ts',
}

/** Inside the output directory; written last, so a build that stopped halfway never looks current. */
const STAMP_NAME = 'build-inputs.json'
/** Steer the output without being modules of the graph (tsconfig: esbuild reads it; this file). */
const CONFIG_INPUTS = ['tsconfig.json', 'package.json', 'scripts/server-build/server-build.mjs']

function toPosix(path) {
  return path.split(sep).join('/')
}

function esbuildVersion() {
  const pkg = createRequire(import.meta.url).resolve('esbuild/package.json')
  return JSON.parse(readFileSync(pkg, 'utf8')).version
}

/** sha256 over each input's path and bytes in a fixed order; a missing file hashes as missing. */
export function hashServerBuildInputs(root, moduleFiles) {
  const hash = createHash('sha256')
  for (const file of [...new Set([...CONFIG_INPUTS, ...moduleFiles])].sort()) {
    hash.update(`${file}\0`)
    const abs = join(root, file)
    hash.update(existsSync(abs) ? readFileSync(abs) : '\0missing\0')
    hash.update('\0')
  }
  return hash.digest('hex')
}

function readStamp(path) {
  try {
    const stamp = JSON.parse(readFileSync(path, 'utf8'))
    const valid =
      stamp?.version === 1 &&
      typeof stamp.hash === 'string' &&
      /^[0-9a-f]{64}$/.test(stamp.hash) &&
      typeof stamp.esbuild === 'string' &&
      Array.isArray(stamp.moduleFiles) &&
      stamp.moduleFiles.every((file) => typeof file === 'string' && file.length > 0)
    return valid ? stamp : null
  } catch {
    return null
  }
}

/** Why the bundle in `outDir` must be built again, or null when it matches its sources. */
export function serverBuildStaleReason(root, outDir = join(root, SERVER_OUT_DIR)) {
  const stampPath = join(outDir, STAMP_NAME)
  if (!existsSync(stampPath)) return 'no_build'
  const stamp = readStamp(stampPath)
  if (!stamp) return 'bad_stamp'
  for (const name of Object.keys(SERVER_ENTRIES)) {
    if (!existsSync(join(outDir, `${name}.js`))) return 'no_build'
  }
  if (hashServerBuildInputs(root, stamp.moduleFiles) !== stamp.hash) return 'sources_changed'
  // Checked last: resolving esbuild costs more than reading the stamp.
  if (stamp.esbuild !== esbuildVersion()) return 'sources_changed'
  return null
}

/** Builds every entry into `outDir` (emptied first) and writes the stamp of its inputs. */
export async function buildServer(root, outDir = join(root, SERVER_OUT_DIR)) {
  // Loaded only to build: a current bundle starts without esbuild.
  const esbuild = await import('esbuild')
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  const entryPoints = Object.entries(SERVER_ENTRIES).map(([out, source]) => ({
    in: join(root, source),
    out,
  }))
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // node_modules stay node_modules: native better-sqlite3, the wink package read by path.
    packages: 'external',
    // A module imported only by import() becomes a chunk of its own, and so do the packages it
    // imports (a bundle hoists every package import to its top): the Redis and Vercel KV
    // adapters load only when chosen. Chunks stay beside the entries, so import.meta.url in
    // shared code still names a file of this directory.
    splitting: true,
    // Stack traces name the TypeScript sources (npm start enables source maps).
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
  })
  const moduleFiles = Object.keys(result.metafile.inputs)
    .map((input) => toPosix(relative(root, join(root, input))))
    .filter((file) => !file.startsWith('..') && !file.split('/').includes('node_modules'))
    .sort()
  const stamp = {
    version: 1,
    hash: hashServerBuildInputs(root, moduleFiles),
    esbuild: esbuildVersion(),
    moduleFiles,
  }
  writeFileSync(join(outDir, STAMP_NAME), `${JSON.stringify(stamp, null, 2)}\n`)
  return stamp
}

/**
 * Builds the server only when its sources changed since the last build. Returns false when a
 * needed build failed (esbuild has printed why).
 */
export async function ensureServerBuild(root, log, outDir = join(root, SERVER_OUT_DIR)) {
  const reason = serverBuildStaleReason(root, outDir)
  if (reason === null) {
    log(`Server bundle is current (${toPosix(relative(root, outDir))} matches its sources)`)
    return true
  }
  log(`Building the server (${reason.replaceAll('_', ' ')})`)
  const started = performance.now()
  try {
    await buildServer(root, outDir)
  } catch {
    return false
  }
  log(`Server built in ${Math.round(performance.now() - started)} ms`)
  return true
}
