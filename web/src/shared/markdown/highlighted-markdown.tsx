import type { Options } from 'react-markdown'
import rehypeHighlight from 'rehype-highlight'
import bash from 'highlight.js/lib/languages/bash'
import javascript from 'highlight.js/lib/languages/javascript'
import json from 'highlight.js/lib/languages/json'
import sql from 'highlight.js/lib/languages/sql'
import typescript from 'highlight.js/lib/languages/typescript'
import { SafeMarkdown } from './safe-markdown.js'
import './highlight-theme.css'

/** Only the languages the bank's answers use, so the chunk stays small. */
const languages = { bash, javascript, json, sql, typescript }
const plugins: Options['rehypePlugins'] = [
  [
    rehypeHighlight,
    {
      languages,
      aliases: { javascript: ['js', 'jsx'], typescript: ['ts', 'tsx'], bash: ['sh', 'shell'] },
    },
  ],
]

/**
 * Markdown with fenced code highlighted; loaded lazily. `extraPlugins` run before highlighting
 * (quote marks in the review).
 */
export default function HighlightedMarkdown({
  children,
  extraPlugins = [],
}: {
  children: string
  extraPlugins?: Options['rehypePlugins']
}) {
  return (
    <SafeMarkdown rehypePlugins={[...(extraPlugins ?? []), ...(plugins ?? [])]}>
      {children}
    </SafeMarkdown>
  )
}
