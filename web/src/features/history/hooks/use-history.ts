import { useCallback, useEffect, useState } from 'react'
import { useClientDeps } from '../../../shared/api/client-deps.js'
import { fetchSessionGrade, fetchSessionPage, type SessionListItem } from '../api/history-api.js'
import type { HistoryAttempt } from './history-attempt.js'

/** How many graded sessions (the newest) feed the trends and the weakest areas. */
const RECENT_GRADED = 30

export type HistoryState = {
  status: 'loading' | 'ready' | 'error'
  error: string | null
  sessions: SessionListItem[]
  nextCursor: string | null
  attempts: HistoryAttempt[]
}

/**
 * The candidate's sessions, newest first, paged; plus the grades of the recent graded ones (on
 * the first page of up to 30 sessions), fetched in parallel.
 */
export function useHistory() {
  const { fetch } = useClientDeps()
  const [state, setState] = useState<HistoryState>({
    status: 'loading',
    error: null,
    sessions: [],
    nextCursor: null,
    attempts: [],
  })

  useEffect(() => {
    let live = true
    void (async () => {
      const page = await fetchSessionPage(fetch, null, RECENT_GRADED)
      if (!live) return
      if (!page.ok) return setState((s) => ({ ...s, status: 'error', error: page.message }))
      setState((s) => ({
        ...s,
        status: 'ready',
        sessions: page.data.items,
        nextCursor: page.data.nextCursor,
      }))
      const graded = page.data.items
        .filter((s) => typeof s.overallScore === 'number')
        .slice(0, RECENT_GRADED)
      const grades = await Promise.all(graded.map((s) => fetchSessionGrade(fetch, s.id)))
      if (!live) return
      const attempts = graded.flatMap((s, i) => {
        const result = grades[i]
        const grade = result?.ok ? result.data.grade : null
        return grade
          ? [
              {
                sessionId: s.id,
                questionId: s.questionId,
                questionTitle: s.questionTitle,
                at: s.createdAt,
                overall: grade.overall,
                criteria: grade.criteria.map((c) => ({ name: c.name, score: c.score })),
                competencies: grade.competencies.map((c) => ({ name: c.name, score: c.score })),
              },
            ]
          : []
      })
      setState((s) => ({ ...s, attempts }))
    })()
    return () => {
      live = false
    }
  }, [fetch])

  const loadMore = useCallback(async () => {
    if (!state.nextCursor) return
    const page = await fetchSessionPage(fetch, state.nextCursor)
    if (!page.ok) return setState((s) => ({ ...s, error: page.message }))
    setState((s) => ({
      ...s,
      sessions: [...s.sessions, ...page.data.items],
      nextCursor: page.data.nextCursor,
    }))
  }, [fetch, state.nextCursor])

  return { state, loadMore }
}
