import { createRequire } from 'node:module'
import { extname } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/**
 * The URL to start a worker thread on, for the module `name` next to `fromUrl` (an
 * `import.meta.url`). Built, it is the sibling .js file. Run from TypeScript sources (tsx,
 * vitest), a worker does not inherit the parent's loader (`--import tsx` in execArgv is not
 * applied to the entry), so a one-line ES module bootstrap loads the entry through tsx's tsImport.
 */
export function workerEntryUrl(fromUrl: string, name: string): URL {
  const here = fileURLToPath(fromUrl)
  const entry = new URL(`./${name}${extname(here)}`, fromUrl)
  if (!here.endsWith('.ts')) return entry
  // The CommonJS build of tsx/esm/api only forwards to the ES module build next to it.
  const api = createRequire(fromUrl)
    .resolve('tsx/esm/api')
    .replace(/index\.cjs$/, 'index.mjs')
  const apiUrl = pathToFileURL(api).href
  const source = `import { tsImport } from ${JSON.stringify(apiUrl)}
await tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)})`
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`)
}
