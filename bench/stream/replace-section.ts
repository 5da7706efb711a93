/**
 * Replaces the `## <title>` section of a markdown document (from its heading up to the next `## `
 * heading or the end) with `body`, leaving every other byte as it was; appends the section when
 * the document has none. `body` starts with the heading itself.
 */
export function replaceSection(doc: string, heading: string, body: string): string {
  const section = body.endsWith('\n') ? body : `${body}\n`
  const lines = doc.split('\n')
  const start = lines.findIndex((line) => line === heading)
  if (start === -1) {
    const base =
      doc.length === 0 || doc.endsWith('\n\n')
        ? doc
        : doc.endsWith('\n')
          ? `${doc}\n`
          : `${doc}\n\n`
    return base + section
  }
  let end = lines.findIndex((line, i) => i > start && line.startsWith('## '))
  if (end === -1) end = lines.length
  const before = lines.slice(0, start).join('\n')
  const after = lines.slice(end).join('\n')
  const head = start === 0 ? '' : `${before}\n`
  return end === lines.length ? head + section : `${head}${section}\n${after}`
}
