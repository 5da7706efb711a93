import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { Question } from '../questions/question-schema.js'
import type { GradableTranscript, Grade } from './grade-schema.js'
import type { OfflineGrader } from './offline-grader.js'

/**
 * The offline grader in the asynchronous shape the grading service expects of every grader
 * (`TranscriptGrader` in grading-service.ts): `{ kind, grade(question, transcript, signal) }`.
 * The work itself is synchronous CPU (about 0.1-2 s per transcript, plus about 3 s once when the
 * word vectors first load); it starts on a later turn of the event loop so pending I/O goes first,
 * and an aborted signal stops it before it starts.
 */
export function createOfflineTranscriptGrader(grader: OfflineGrader) {
  return {
    kind: 'offline' as const,
    async grade(
      question: Question,
      transcript: GradableTranscript,
      signal?: AbortSignal,
    ): Promise<Grade> {
      signal?.throwIfAborted()
      await yieldToEventLoop()
      signal?.throwIfAborted()
      return grader.grade(question, transcript)
    },
  }
}
