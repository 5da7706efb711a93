import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  BUILT_PAGE_PATH,
  STAMP_PATH,
  projectModuleFiles,
  webBuildStaleReason,
  writeWebBuildStamp,
} from '../../../scripts/web-build/web-build-stamp.js'

let root: string
function put(rel: string, text: string) {
  mkdirSync(dirname(join(root, rel)), { recursive: true })
  writeFileSync(join(root, rel), text)
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'web-build-stamp-'))
  put('package.json', '{"name":"x"}')
  put('package-lock.json', '{"lockfileVersion":3}')
  put('vite.config.ts', 'export default {}')
  put('web/index.html', '<script type="module" src="./src/main.ts"></script>')
  put('web/src/main.ts', "import { schema } from '../../server/schema.js'")
  put('web/public/robots.txt', 'User-agent: *')
  put('server/schema.ts', 'export const schema = 1')
  put('server/unrelated.ts', 'export const other = 1')
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

function buildAndStamp() {
  put(BUILT_PAGE_PATH, '<html></html>')
  writeWebBuildStamp(root, ['server/schema.ts', 'web/index.html', 'web/src/main.ts'])
}

describe('webBuildStaleReason', () => {
  it('asks for a build when there is no built page or no stamp', () => {
    expect(webBuildStaleReason(root)).toBe('no_build')
    put(BUILT_PAGE_PATH, '<html></html>')
    expect(webBuildStaleReason(root)).toBe('no_stamp')
  })

  it('calls a build current when no input changed', () => {
    buildAndStamp()
    expect(webBuildStaleReason(root)).toBeNull()
  })

  it('ignores server files the web client does not import', () => {
    buildAndStamp()
    put('server/unrelated.ts', 'export const other = 2')
    expect(webBuildStaleReason(root)).toBeNull()
  })

  it.each([
    ['a web source', 'web/src/main.ts', "import { schema } from '../../server/schema.js'\n"],
    ['a server module the client imports', 'server/schema.ts', 'export const schema = 2'],
    ['a public asset no module imports', 'web/public/robots.txt', 'User-agent: bot'],
    ['a new file under web/', 'web/src/new.css', 'body {}'],
    ['the lock file', 'package-lock.json', '{"lockfileVersion":3,"x":1}'],
    ['the vite config', 'vite.config.ts', 'export default { base: "/x/" }'],
  ])('asks for a build when %s changed', (_label, file, text) => {
    buildAndStamp()
    put(file, text)
    expect(webBuildStaleReason(root)).toBe('sources_changed')
  })

  it('asks for a build when an input was deleted', () => {
    buildAndStamp()
    rmSync(join(root, 'server/schema.ts'))
    expect(webBuildStaleReason(root)).toBe('sources_changed')
  })

  it('asks for a build when the stamp is not a stamp', () => {
    buildAndStamp()
    put(STAMP_PATH, '{"version":1,"hash":"abc"}')
    expect(webBuildStaleReason(root)).toBe('bad_stamp')
    put(STAMP_PATH, 'not json')
    expect(webBuildStaleReason(root)).toBe('bad_stamp')
  })

  it('asks for a build when the built page was removed', () => {
    buildAndStamp()
    rmSync(join(root, BUILT_PAGE_PATH))
    expect(webBuildStaleReason(root)).toBe('no_build')
  })
})

describe('projectModuleFiles', () => {
  it('keeps real project files and drops virtual modules, queries, node_modules and outsiders', () => {
    const ids = [
      join(root, 'web/src/main.ts'),
      `${join(root, 'web/src/main.ts')}?inline`,
      join(root, 'server/schema.ts'),
      '\0vite/preload-helper.js',
      ' vite/modulepreload-polyfill.js',
      join(root, 'node_modules/react/index.js'),
      join(root, 'web/src/deleted.ts'),
      '/elsewhere/file.ts',
    ]
    expect(projectModuleFiles(root, ids)).toEqual(['server/schema.ts', 'web/src/main.ts'])
  })
})
