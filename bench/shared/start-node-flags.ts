import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

const PackageSchema = z.object({
  scripts: z.object({
    start: z.string().regex(/^node( --[\w-]+(=\S+)?)* scripts\/start\.mjs$/),
  }),
})

/**
 * The node flags of package.json's `start` script (`node [flags] scripts/start.mjs`), read from
 * that one place so a bench that runs the server (bench:memory, bench:stream) runs it with the
 * flags production uses and cannot drift from them.
 */
export function parseStartNodeFlags(packageJson: string): string[] {
  const start = PackageSchema.parse(JSON.parse(packageJson)).scripts.start
  return start.split(' ').slice(1, -1)
}

export function startNodeFlags(root: string = process.cwd()): string[] {
  return parseStartNodeFlags(readFileSync(join(root, 'package.json'), 'utf8'))
}
