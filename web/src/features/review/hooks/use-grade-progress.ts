import { useEffect, useState } from 'react'
import { useClientDeps } from '../../../shared/api/client-deps.js'
import type { Grade } from '../../../shared/contract/session-contract.js'
import { parseServerFrame } from '../../../shared/socket/parse-server-frame.js'

export type GradeProgress = {
  stage: 'started' | 'grading' | 'done' | 'failed'
  message: string
  grade: Grade | null
}

const POLL_MS = 3000

/**
 * While `waiting`, follows grading: `grade-progress` messages on the session's socket, plus a
 * slow poll through `onPoll` in case the result landed before the socket connected.
 */
export function useGradeProgress(
  sessionId: string,
  waiting: boolean,
  onPoll: () => void,
): GradeProgress | null {
  const deps = useClientDeps()
  const [progress, setProgress] = useState<GradeProgress | null>(null)
  useEffect(() => {
    if (!waiting) return
    const socket = deps.openSocket(`/api/sessions/${encodeURIComponent(sessionId)}/stream`)
    socket.onmessage = (event) => {
      const message = parseServerFrame(event.data)
      if (message?.type === 'grade-progress') {
        setProgress({ stage: message.stage, message: message.message, grade: message.grade })
      }
    }
    const timer = setInterval(onPoll, POLL_MS)
    return () => {
      clearInterval(timer)
      socket.close(1000, 'grading followed')
    }
  }, [deps, sessionId, waiting, onPoll])
  return progress
}
