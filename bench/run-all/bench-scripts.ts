import { z } from 'zod'

const PackageScripts = z.object({ scripts: z.record(z.string(), z.string()) })

/**
 * The benchmark scripts of package.json: every `bench:<name>`, in the file's order, so a benchmark
 * added later is run without touching the runner. `only` and `skip` take names with or without
 * the `bench:` prefix.
 */
export function listBenchScripts(
  packageJson: unknown,
  filter: { only?: readonly string[]; skip?: readonly string[] } = {},
): string[] {
  const { scripts } = PackageScripts.parse(packageJson)
  const full = (name: string) => (name.startsWith('bench:') ? name : `bench:${name}`)
  const only = filter.only?.map(full)
  const skip = new Set(filter.skip?.map(full))
  return Object.keys(scripts).filter(
    (name) =>
      name.startsWith('bench:') && !skip.has(name) && (only === undefined || only.includes(name)),
  )
}
