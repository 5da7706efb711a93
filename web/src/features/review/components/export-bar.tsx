import { useState } from 'react'
import { useClientDeps } from '../../../shared/api/client-deps.js'
import { createShareLink, exportUrl, revokeShareLink } from '../api/review-api.js'

/** Downloads (Markdown, JSON) and a read-only share link for a coach. */
export function ExportBar({ sessionId }: { sessionId: string }) {
  const { fetch } = useClientDeps()
  const [shareUrl, setShareUrl] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const share = async () => {
    const result = await createShareLink(fetch, sessionId)
    if (!result.ok) return setError(result.message)
    setError(null)
    setShareUrl(new URL(result.data.url, window.location.origin).href)
  }
  const revoke = async () => {
    const result = await revokeShareLink(fetch, sessionId)
    if (!result.ok) return setError(result.message)
    setShareUrl(null)
  }

  return (
    <section className="export-bar" aria-label="Export and share">
      <a className="button" href={exportUrl(sessionId, 'md')} download>
        Export Markdown
      </a>
      <a className="button" href={exportUrl(sessionId, 'json')} download>
        Export JSON
      </a>
      {shareUrl ? (
        <>
          <label className="share-field">
            Share link (read-only)
            <input type="text" readOnly value={shareUrl} onFocus={(e) => e.target.select()} />
          </label>
          <button type="button" onClick={() => void revoke()}>
            Stop sharing
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void share()}>
          Create share link
        </button>
      )}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  )
}
