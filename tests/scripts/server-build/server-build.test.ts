import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import {
  buildServer,
  ensureServerBuild,
  SERVER_ENTRIES,
  serverBuildStaleReason,
} from '../../../scripts/server-build/server-build.mjs'

/** A project of a few files with every entry of the real build, in a temporary directory. */
function makeProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'sparring-server-build-'))
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true })
    writeFileSync(join(root, file), text)
  }
  write('package.json', '{ "type": "module" }\n')
  write('tsconfig.json', '{}\n')
  write('server/greeting.ts', "export const greeting: string = 'hello'\n")
  for (const [name, source] of Object.entries(SERVER_ENTRIES)) {
    write(
      source,
      `import { greeting } from '${relativeTo(source)}greeting.js'\nexport const ${name.replaceAll('-', '_')} = greeting\n`,
    )
  }
  return root
}

/** The path from an entry's folder back to server/. */
function relativeTo(source: string): string {
  const depth = source.split('/').length - 1
  return `${'../'.repeat(depth)}server/`
}

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

describe('the server bundle', () => {
  it('is built once, then current until one of its module files changes', async () => {
    const root = makeProject()
    roots.push(root)
    expect(serverBuildStaleReason(root)).toBe('no_build')
    const stamp = await buildServer(root)
    expect(stamp.moduleFiles).toContain('server/greeting.ts')
    expect(serverBuildStaleReason(root)).toBeNull()

    writeFileSync(join(root, 'server/greeting.ts'), "export const greeting: string = 'hi'\n")
    expect(serverBuildStaleReason(root)).toBe('sources_changed')
    const lines: string[] = []
    expect(await ensureServerBuild(root, (line) => lines.push(line))).toBe(true)
    expect(lines.join('\n')).toMatch(/Building the server \(sources changed\)/)
    expect(serverBuildStaleReason(root)).toBeNull()
    // Plain ES modules, the shared code inside each entry's file.
    const main = (await import(pathToFileURL(join(root, 'dist/server/main.js')).href)) as {
      main: string
    }
    expect(main.main).toBe('hi')
    expect(existsSync(join(root, 'dist/server/main.js.map'))).toBe(true)
  })

  it('is rebuilt when an entry is missing or the stamp is damaged', async () => {
    const root = makeProject()
    roots.push(root)
    await buildServer(root)
    rmSync(join(root, 'dist/server/coverage-worker.js'))
    expect(serverBuildStaleReason(root)).toBe('no_build')
    await buildServer(root)
    writeFileSync(join(root, 'dist/server/build-inputs.json'), '{"version":1}')
    expect(serverBuildStaleReason(root)).toBe('bad_stamp')
  })

  it('reports a build that fails instead of leaving a stale bundle that looks current', async () => {
    const root = makeProject()
    roots.push(root)
    await buildServer(root)
    writeFileSync(join(root, 'server/greeting.ts'), 'export const greeting = (\n')
    const lines: string[] = []
    expect(await ensureServerBuild(root, (line) => lines.push(line))).toBe(false)
    expect(serverBuildStaleReason(root)).toBe('no_build')
  })
})

describe('the entries', () => {
  it('include every worker the server starts with workerEntryUrl, by its source file name', () => {
    const serverDir = join(import.meta.dirname, '../../../server')
    const started = readdirSync(serverDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .flatMap((entry) => {
        const text = readFileSync(join(entry.parentPath, entry.name), 'utf8')
        return [...text.matchAll(/workerEntryUrl\(import\.meta\.url, '([^']+)'\)/g)].map(
          (match) => match[1]!,
        )
      })
    expect(started.length).toBeGreaterThanOrEqual(2)
    for (const name of started) {
      expect(SERVER_ENTRIES[name]).toMatch(new RegExp(`/${name}\\.ts$`))
    }
  })
})
