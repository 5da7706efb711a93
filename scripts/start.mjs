// `npm start`: plain JavaScript run by node alone, so no TypeScript loader starts with the server.
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ensureServerBuild, SERVER_OUT_DIR } from './server-build/server-build.mjs'

/**
 * Builds the server bundle if its sources changed (esbuild, about a second), then, from that
 * bundle, builds the web client if its sources changed, then runs the server in this same process.
 * A warm start only hashes the sources of both.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = join(root, SERVER_OUT_DIR)
const log = (line) => console.log(line)

// Errors name the TypeScript lines the bundle was made from (the .js.map files beside it).
process.setSourceMapsEnabled(true)

if (!(await ensureServerBuild(root, log, outDir))) {
  console.error('The server did not build; see the errors above.')
  process.exitCode = 1
} else {
  const { ensureWebBuild } = await import(pathToFileURL(join(outDir, 'ensure-web-build.js')).href)
  if (ensureWebBuild(root, log)) {
    await import(pathToFileURL(join(outDir, 'main.js')).href)
  } else {
    console.error('The web client did not build; see the errors above.')
    process.exitCode = 1
  }
}
