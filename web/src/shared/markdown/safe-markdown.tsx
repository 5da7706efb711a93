import { lazy, Suspense } from 'react'
import Markdown, { type Components, type Options } from 'react-markdown'
import { mermaidSource } from './mermaid-source.js'

// Its own chunk, which imports mermaid itself: nothing of it loads until a diagram is shown.
const MermaidDiagram = lazy(() => import('./mermaid-diagram.js'))

/**
 * Markdown from the bank, the model or the candidate, rendered safely: react-markdown builds
 * React elements (never innerHTML), raw HTML in the source becomes visible text (no rehype-raw),
 * unsafe URLs (javascript:) are dropped by its default URL transform, and images are shown as
 * their alt text so model output cannot load remote resources.
 */
const components: Components = {
  img: ({ alt }) => <span className="md-image">[image: {alt ?? ''}]</span>,
  // Code blocks scroll sideways on narrow screens, so they must be reachable by keyboard. A
  // ```mermaid block is drawn as a diagram.
  pre: ({ node, children }) => {
    const diagram = mermaidSource(node)
    if (diagram === null) return <pre tabIndex={0}>{children}</pre>
    return (
      <Suspense fallback={<p className="muted">Drawing the diagram…</p>}>
        <MermaidDiagram code={diagram} />
      </Suspense>
    )
  },
  table: ({ children }) => (
    <div className="table-scroll" tabIndex={0}>
      <table>{children}</table>
    </div>
  ),
  a: ({ href, children }) => (
    <a href={href} rel="noopener noreferrer nofollow" target="_blank">
      {children}
    </a>
  ),
}

type SafeMarkdownProps = { children: string; rehypePlugins?: Options['rehypePlugins'] }

export function SafeMarkdown({ children, rehypePlugins }: SafeMarkdownProps) {
  return (
    <div className="markdown">
      <Markdown components={components} rehypePlugins={rehypePlugins}>
        {children}
      </Markdown>
    </div>
  )
}
