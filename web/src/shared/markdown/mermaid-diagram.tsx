import { useEffect, useId, useState } from 'react'

type DiagramState =
  { status: 'loading' } | { status: 'ready'; svg: string } | { status: 'error'; message: string }

/** Dark or light, as the page is drawn now (the theme toggle, else the system's). */
function pageIsDark(): boolean {
  const chosen = document.documentElement.dataset.theme
  if (chosen === 'dark' || chosen === 'light') return chosen === 'dark'
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false
}

/**
 * A ```mermaid block drawn as a diagram. mermaid (large) is imported here, on demand, so it
 * loads only when an answer has a diagram. securityLevel 'strict' has mermaid sanitise every
 * label and disables clicks and scripts in the diagram; its SVG output is the one thing this
 * app inserts as markup. The source stays available beside it, and a diagram that does not
 * parse shows its source with the reason.
 */
export default function MermaidDiagram({ code }: { code: string }) {
  const id = `mermaid-${useId().replace(/[^a-zA-Z0-9]/g, '')}`
  const [state, setState] = useState<DiagramState>({ status: 'loading' })
  useEffect(() => {
    let live = true
    void (async () => {
      try {
        const { default: mermaid } = await import('mermaid')
        mermaid.initialize({
          startOnLoad: false,
          securityLevel: 'strict',
          theme: pageIsDark() ? 'dark' : 'default',
        })
        await mermaid.parse(code)
        const { svg } = await mermaid.render(id, code)
        if (live) setState({ status: 'ready', svg })
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        if (live)
          setState({ status: 'error', message: message.split('\n')[0] ?? 'invalid diagram' })
      }
    })()
    return () => {
      live = false
    }
  }, [code, id])
  return (
    <figure className="mermaid-figure">
      {state.status === 'ready' ? (
        <div
          className="mermaid-diagram"
          role="img"
          aria-label="Diagram (its source follows)"
          dangerouslySetInnerHTML={{ __html: state.svg }}
        />
      ) : state.status === 'error' ? (
        <p className="error">Could not draw this diagram: {state.message}</p>
      ) : (
        <p className="muted">Drawing the diagram…</p>
      )}
      <details className="mermaid-source" open={state.status === 'error'}>
        <summary>Diagram source</summary>
        <pre tabIndex={0}>
          <code>{code}</code>
        </pre>
      </details>
    </figure>
  )
}
