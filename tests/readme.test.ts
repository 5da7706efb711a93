import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

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
