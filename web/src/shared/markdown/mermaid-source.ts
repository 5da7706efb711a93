import type { Element } from 'hast'

/** The source of a ```mermaid fenced block (a <pre> holding <code class="language-mermaid">). */
export function mermaidSource(pre: Element | undefined): string | null {
  const code = pre?.children.find((c): c is Element => c.type === 'element')
  if (code?.tagName !== 'code') return null
  const classes = code.properties.className
  if (!Array.isArray(classes) || !classes.includes('language-mermaid')) return null
  return code.children.map((c) => (c.type === 'text' ? c.value : '')).join('')
}
