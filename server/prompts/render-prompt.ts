/** `{{name}}` or `{{ name }}`: a letter, then letters, digits or underscores. */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g

export type PromptVars = Readonly<Record<string, string>>

/** A template and the variables it was given do not match; names every problem at once. */
export class PromptRenderError extends Error {
  override name = 'PromptRenderError'
  constructor(
    readonly missing: readonly string[],
    readonly unused: readonly string[],
    templateName?: string,
  ) {
    const parts = [
      missing.length > 0 ? `missing variable(s): ${missing.join(', ')}` : '',
      unused.length > 0 ? `unused variable(s): ${unused.join(', ')}` : '',
    ].filter((p) => p.length > 0)
    super(`${templateName ? `Prompt ${templateName}: ` : ''}${parts.join('; ')}`)
  }
}

/** The distinct placeholder names of a template, in order of first use. */
export function listPromptVariables(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (m) => m[1]!))]
}

/**
 * Fills every `{{name}}` of a template from `vars`, in one pass: a value that itself contains
 * `{{...}}` (candidate text can) is inserted as is, never expanded.
 *
 * Strict both ways: a missing variable throws, and so does a variable the template never uses.
 * The second catches a renamed placeholder or a typo in the caller, which would otherwise drop
 * grounding (say, the rubric) from the prompt without any error.
 */
export function renderPrompt(template: string, vars: PromptVars, templateName?: string): string {
  const used = listPromptVariables(template)
  const missing = used.filter((name) => !Object.hasOwn(vars, name))
  const unused = Object.keys(vars).filter((name) => !used.includes(name))
  if (missing.length > 0 || unused.length > 0)
    throw new PromptRenderError(missing, unused, templateName)
  return template.replace(PLACEHOLDER, (_, name: string) => vars[name]!)
}
