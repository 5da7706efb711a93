import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PROMPT_CATALOG, PROMPT_NAMES, type PromptName } from './prompt-catalog.js'
import { listPromptVariables, renderPrompt, type PromptVars } from './render-prompt.js'

/** Where the prompt files live in the repository. */
export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url))

/** The loaded, validated prompt files. */
export type PromptLibrary = {
  render(name: PromptName, vars: PromptVars): string
  /** A short content hash of the named prompts, recorded with what they produced. */
  version(...names: PromptName[]): string
}

export class PromptLoadError extends Error {
  override name = 'PromptLoadError'
}

/** Reads every prompt of the catalog and checks its placeholders; throws one list of problems. */
export async function loadPromptLibrary(dir: string = DEFAULT_PROMPTS_DIR): Promise<PromptLibrary> {
  const problems: string[] = []
  const templates = new Map<PromptName, string>()
  for (const name of PROMPT_NAMES) {
    const file = join(dir, `${name}.md`)
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      problems.push(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
      continue
    }
    problems.push(...checkTemplate(file, text, PROMPT_CATALOG[name]))
    templates.set(name, text)
  }
  if (problems.length > 0)
    throw new PromptLoadError(`Invalid prompts:\n  - ${problems.join('\n  - ')}`)
  return createPromptLibrary(templates)
}

/** Builds a library from templates already in memory (tests, or prompts shipped another way). */
export function createPromptLibrary(templates: ReadonlyMap<PromptName, string>): PromptLibrary {
  return {
    render(name, vars) {
      const template = templates.get(name)
      if (template === undefined) throw new PromptLoadError(`Prompt ${name} is not loaded`)
      return renderPrompt(template, vars, name)
    },
    version(...names) {
      const hash = createHash('sha256')
      for (const name of names) hash.update(`${name}\0${templates.get(name) ?? ''}\0`)
      return hash.digest('hex').slice(0, 12)
    },
  }
}

function checkTemplate(file: string, text: string, expected: readonly string[]): string[] {
  if (text.trim().length === 0) return [`${file}: empty`]
  const used = listPromptVariables(text)
  const problems: string[] = []
  const unknown = used.filter((v) => !expected.includes(v))
  const absent = expected.filter((v) => !used.includes(v))
  if (unknown.length > 0) problems.push(`${file}: unknown variable(s) ${unknown.join(', ')}`)
  if (absent.length > 0) problems.push(`${file}: does not use ${absent.join(', ')}`)
  const stray = text.replace(/\{\{\s*[A-Za-z][A-Za-z0-9_]*\s*\}\}/g, '')
  if (/\{\{|\}\}/.test(stray)) problems.push(`${file}: malformed placeholder (stray {{ or }})`)
  return problems
}
