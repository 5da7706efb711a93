import { lazy, Suspense } from 'react'
import { SafeMarkdown } from '../../../shared/markdown/safe-markdown.js'

const HighlightedMarkdown = lazy(() => import('../../../shared/markdown/highlighted-markdown.js'))

/** The bank's model answer, unlocked in the review; code highlighting loads on its own. */
export function ModelAnswer({ markdown, statedScore }: { markdown: string; statedScore: string }) {
  return (
    <section className="model-answer" aria-labelledby="model-heading" tabIndex={0}>
      <h2 id="model-heading">Model answer</h2>
      <p className="muted">The bank scores this answer {statedScore}.</p>
      {markdown.trim() ? (
        <Suspense fallback={<SafeMarkdown>{markdown}</SafeMarkdown>}>
          <HighlightedMarkdown>{markdown}</HighlightedMarkdown>
        </Suspense>
      ) : (
        <p>The source of this question has no model answer.</p>
      )}
    </section>
  )
}
