import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureWebBuild } from './web-build/ensure-web-build.js'

/**
 * `npm start`: build the web client if its sources changed, then run the server in this same
 * process (one tsx start instead of two).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
if (ensureWebBuild(root, (line) => console.log(line))) {
  await import('../server/main.js')
} else {
  console.error('The web client did not build; see the errors above.')
  process.exitCode = 1
}
