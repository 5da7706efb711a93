import { useCallback, useState } from 'react'
import { useClientDeps } from '../../../shared/api/client-deps.js'

export const draftKey = (sessionId: string) => `sparring:draft:${sessionId}`

/** The answer being written, kept in localStorage per session so a reload does not lose it. */
export function useDraft(sessionId: string): [string, (text: string) => void] {
  const { storage } = useClientDeps()
  const [draft, setDraftState] = useState(() => storage?.getItem(draftKey(sessionId)) ?? '')
  const setDraft = useCallback(
    (text: string) => {
      setDraftState(text)
      try {
        if (text) storage?.setItem(draftKey(sessionId), text)
        else storage?.removeItem(draftKey(sessionId))
      } catch {
        // A full or disabled storage only costs the reload-safety, not the answer.
      }
    },
    [sessionId, storage],
  )
  return [draft, setDraft]
}
