import { lazy, Suspense, useMemo } from 'react'
import type { Options } from 'react-markdown'
import { rehypeMarkQuotes, type QuoteToMark } from './rehype-mark-quotes.js'
import { SafeMarkdown } from './safe-markdown.js'

const HighlightedMarkdown = lazy(() => import('./highlighted-markdown.js'))

type CandidateMarkdownProps = {
  text: string
  /** Evidence quotes to mark in the review (each a jump target). */
  quotes?: QuoteToMark[]
}

/**
 * The candidate's own words as Markdown (lists, code, ```mermaid diagrams), rendered safely like
 * every Markdown here: raw HTML stays visible text. Code highlighting loads with its chunk; until
 * then the same Markdown shows unhighlighted. The grader and interviewer still read the raw text.
 */
export function CandidateMarkdown({ text, quotes }: CandidateMarkdownProps) {
  const plugins = useMemo<Options['rehypePlugins']>(
    () => (quotes && quotes.length > 0 ? [[rehypeMarkQuotes, { quotes }]] : []),
    [quotes],
  )
  return (
    <Suspense fallback={<SafeMarkdown rehypePlugins={plugins}>{text}</SafeMarkdown>}>
      <HighlightedMarkdown extraPlugins={plugins}>{text}</HighlightedMarkdown>
    </Suspense>
  )
}
