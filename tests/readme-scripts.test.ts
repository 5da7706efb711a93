import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

const root = new URL('..', import.meta.url)
const PackageScripts = z.object({ scripts: z.record(z.string(), z.string()) })
const scripts = Object.keys(
  PackageScripts.parse(JSON.parse(readFileSync(new URL('package.json', root), 'utf8'))).scripts,
)
const readme = readFileSync(new URL('README.md', root), 'utf8')

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

// A script added to package.json and left out of the README is one a user never finds.
describe('README', () => {
  it.each(scripts)('names the npm script %s', (name) => {
    const named = new RegExp(`\`${escape(name)}[\` ]|npm (run )?${escape(name)}(?![\\w:-])`)
    expect(readme).toMatch(named)
  })
})
