import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { build } from 'vite'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { recordWebBuildInputs } from '../../../scripts/web-build/record-web-build-inputs.js'
import { STAMP_PATH, webBuildStaleReason } from '../../../scripts/web-build/web-build-stamp.js'

let root: string
function put(rel: string, text: string) {
  mkdirSync(dirname(join(root, rel)), { recursive: true })
  writeFileSync(join(root, rel), text)
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'record-web-build-'))
  put('web/index.html', '<div id="root"></div><script type="module" src="./src/main.ts"></script>')
  put('web/src/main.ts', "import { label } from '../../server/label.js'\nconsole.log(label)")
  put('server/label.ts', "export const label = 'hello'")
  put('server/unrelated.ts', 'export const other = 1')
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

function buildClient() {
  return build({
    configFile: false,
    logLevel: 'silent',
    root: join(root, 'web'),
    plugins: [recordWebBuildInputs(root)],
    build: { outDir: join(root, 'dist/web'), emptyOutDir: true },
  })
}

it('records the module graph after a real vite build, so the next check finds it current', async () => {
  await buildClient()
  const stamp = JSON.parse(readFileSync(join(root, STAMP_PATH), 'utf8'))
  expect(stamp.moduleFiles).toEqual(['server/label.ts', 'web/index.html', 'web/src/main.ts'])
  expect(webBuildStaleReason(root)).toBeNull()
  put('server/unrelated.ts', 'export const other = 2')
  expect(webBuildStaleReason(root)).toBeNull()
  put('server/label.ts', "export const label = 'changed'")
  expect(webBuildStaleReason(root)).toBe('sources_changed')
})

it('leaves no stamp when the build fails', async () => {
  await buildClient()
  put('web/src/main.ts', "import { missing } from './nowhere.js'\nconsole.log(missing)")
  await expect(buildClient()).rejects.toThrow()
  expect(webBuildStaleReason(root)).toBe('no_stamp')
})
