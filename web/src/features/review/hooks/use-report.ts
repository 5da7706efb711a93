import { useCallback, useEffect, useState } from 'react'
import { useClientDeps } from '../../../shared/api/client-deps.js'
import type { ApiResult } from '../../../shared/api/fetch-json.js'
import { fetchReport, fetchSharedReport, type Report } from '../api/review-api.js'

export type ReportState =
  | { status: 'loading' }
  | { status: 'error'; code: string; message: string }
  | { status: 'ready'; report: Report }

/** Loads a session's report (or a shared one by token); `reload` fetches it again. */
export function useReport(source: { sessionId: string } | { token: string }) {
  const { fetch } = useClientDeps()
  const [state, setState] = useState<ReportState>({ status: 'loading' })
  const key = 'sessionId' in source ? `s:${source.sessionId}` : `t:${source.token}`
  const reload = useCallback(() => {
    const request: Promise<ApiResult<Report>> = key.startsWith('s:')
      ? fetchReport(fetch, key.slice(2))
      : fetchSharedReport(fetch, key.slice(2))
    void request.then((r) => {
      setState((current) => {
        if (r.ok) return { status: 'ready', report: r.data }
        // Keep what is on screen when a background reload fails.
        return current.status === 'ready'
          ? current
          : { status: 'error', code: r.code, message: r.message }
      })
    })
  }, [fetch, key])
  useEffect(reload, [reload])
  return { state, reload }
}
