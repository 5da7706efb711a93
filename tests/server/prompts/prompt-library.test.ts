import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { PROMPT_CATALOG, PROMPT_NAMES } from '../../../server/prompts/prompt-catalog.js'
import {
  DEFAULT_PROMPTS_DIR,
  PromptLoadError,
  loadPromptLibrary,
} from '../../../server/prompts/prompt-library.js'

const fill = (vars: readonly string[]) => Object.fromEntries(vars.map((v) => [v, `<<${v}>>`]))

let tmp: string | null = null
afterEach(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true })
  tmp = null
})

async function copyPromptsWith(name: string, text: string | null): Promise<string> {
  tmp = await mkdtemp(join(tmpdir(), 'prompts-'))
  for (const n of PROMPT_NAMES) {
    await writeFile(
      join(tmp, `${n}.md`),
      await readFile(join(DEFAULT_PROMPTS_DIR, `${n}.md`), 'utf8'),
    )
  }
  if (text === null) await rm(join(tmp, `${name}.md`))
  else await writeFile(join(tmp, `${name}.md`), text)
  return tmp
}

describe('loadPromptLibrary', () => {
  it.each(PROMPT_NAMES)('loads prompts/%s.md and renders it with every variable', async (name) => {
    const library = await loadPromptLibrary()
    const vars = fill(PROMPT_CATALOG[name])
    const out = library.render(name, vars)
    expect(out).not.toMatch(/\{\{|\}\}/)
    for (const value of Object.values(vars)) expect(out).toContain(value)
    expect(out.length).toBeGreaterThan(100)
  })

  it('reports every problem of the files at once', async () => {
    const dir = await copyPromptsWith('interviewer-turn', 'Only {{candidateText}} and {{oops}}')
    await rm(join(dir, 'grader-repair.md'))
    const load = loadPromptLibrary(dir)
    await expect(load).rejects.toThrow(PromptLoadError)
    const message = await load.catch((e: Error) => e.message)
    expect(message).toContain('interviewer-turn.md: unknown variable(s) oops')
    expect(message).toContain('interviewer-turn.md: does not use coverage, targetLabel')
    expect(message).toContain('grader-repair.md: cannot read (ENOENT)')
  })

  it('rejects an empty file and a malformed placeholder', async () => {
    await expect(loadPromptLibrary(await copyPromptsWith('grader-system', '  \n'))).rejects.toThrow(
      'grader-system.md: empty',
    )
    const broken = '{{validationErrors}} and {{ half'
    await expect(loadPromptLibrary(await copyPromptsWith('grader-repair', broken))).rejects.toThrow(
      'malformed placeholder',
    )
  })

  it('versions prompts by content', async () => {
    const library = await loadPromptLibrary()
    const edited = await loadPromptLibrary(
      await copyPromptsWith('grader-system', 'Grade fairly.\n'),
    )
    expect(library.version('grader-system')).toMatch(/^[0-9a-f]{12}$/)
    expect(library.version('grader-system')).not.toBe(edited.version('grader-system'))
    expect(library.version('grader-user')).toBe(edited.version('grader-user'))
  })
})
