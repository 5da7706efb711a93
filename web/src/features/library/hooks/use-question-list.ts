import { useEffect, useState } from 'react'
import { useClientDeps } from '../../../shared/api/client-deps.js'
import type { QuestionListing } from '../../../shared/contract/question-contract.js'
import { fetchQuestionList } from '../api/library-api.js'

export type Loadable<T> =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T }

/** The bank's cards, fetched once per mount. */
export function useQuestionList(): Loadable<QuestionListing[]> {
  const { fetch } = useClientDeps()
  const [state, setState] = useState<Loadable<QuestionListing[]>>({ status: 'loading' })
  useEffect(() => {
    let live = true
    void fetchQuestionList(fetch).then((result) => {
      if (!live) return
      setState(
        result.ok
          ? { status: 'ready', data: result.data.questions }
          : { status: 'error', message: result.message },
      )
    })
    return () => {
      live = false
    }
  }, [fetch])
  return state
}
