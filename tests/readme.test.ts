import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { EnvSchema, parseEnv } from '../server/env.js'

const root = new URL('..', import.meta.url)
const PackageScripts = z.object({ scripts: z.record(z.string(), z.string()) })
const scripts = Object.keys(
  PackageScripts.parse(JSON.parse(readFileSync(new URL('package.json', root), 'utf8'))).scripts,
)
const readme = readFileSync(new URL('README.md', root), 'utf8')

/** Files the README links to or shows (pictures included), by their path in the repository. */
const localLinks = [...readme.matchAll(/\]\(([^)#\s]+)\)/g)]
  .map((m) => m[1]!)
  .filter((target) => !/^[a-z]+:/.test(target))

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

// A script added to package.json and left out of the README is one a user never finds.
describe('README', () => {
  it.each(scripts)('names the npm script %s', (name) => {
    const named = new RegExp(`\`${escape(name)}[\` ]|npm (run )?${escape(name)}(?![\\w:-])`)
    expect(readme).toMatch(named)
  })

  // A picture the README shows and nothing writes any more is a broken image on the front page.
  it('links only to files that exist', () => {
    expect(localLinks.length).toBeGreaterThan(10)
    expect(localLinks.filter((target) => !existsSync(new URL(target, root)))).toEqual([])
  })

  // npm run screenshots writes every screen at both widths; each picture is there to be seen.
  it('shows or links every picture in docs/screenshots', () => {
    const pictures = readdirSync(new URL('docs/screenshots', root)).map(
      (f) => `docs/screenshots/${f}`,
    )
    expect(pictures.filter((picture) => !localLinks.includes(picture))).toEqual([])
  })
})

// A setting env.ts reads that README's table or .env.example leaves out is one an operator never
// finds; a default they state that is not the schema's misleads them.
describe('configuration', () => {
  const schemaNames = Object.keys(EnvSchema.shape).sort()
  const defaults = parseEnv({}) as Record<string, unknown>
  const section = readme.slice(readme.indexOf('## Configuration'))
  const table = section.slice(0, section.indexOf('\n## ')).split('\n')
  /** README rows: the variables a row names (`A`, `B`) and its default when one value in backticks. */
  const readmeRows = table
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [names = '', fallback = ''] = line.split('|').slice(1)
      return {
        names: [...names.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!),
        fallback: /^\s*`([^`]*)`\s*$/.exec(fallback)?.[1],
      }
    })
  const example = [
    ...readFileSync(new URL('.env.example', root), 'utf8').matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm),
  ].map((m) => ({ name: m[1]!, value: m[2]! }))

  it("README's table lists every variable env.ts reads, and no other", () => {
    expect(readmeRows.flatMap((row) => row.names).sort()).toEqual(schemaNames)
  })

  it('.env.example sets every variable env.ts reads, and no other', () => {
    expect(example.map((line) => line.name).sort()).toEqual(schemaNames)
  })

  it("the defaults README and .env.example state are env.ts's", () => {
    const stated = [
      ...readmeRows.flatMap((row) =>
        row.names.length === 1 && row.fallback !== undefined
          ? [{ name: row.names[0]!, value: row.fallback, where: 'README' }]
          : [],
      ),
      ...example
        .filter((line) => line.value !== '')
        .map((line) => ({ ...line, where: '.env.example' })),
    ].filter(({ name }) => defaults[name] !== undefined)
    expect(stated.length).toBeGreaterThan(20)
    const wrong = stated.filter(
      ({ name, value }) =>
        JSON.stringify((parseEnv({ [name]: value }) as Record<string, unknown>)[name]) !==
        JSON.stringify(defaults[name]),
    )
    expect(wrong).toEqual([])
  })
})
