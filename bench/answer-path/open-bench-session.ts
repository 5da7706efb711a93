import { randomUUID } from 'node:crypto'
import type { InterviewOrchestrator } from '../../server/interview/interview-orchestrator.js'
import type { SessionStore } from '../../server/sessions/session-store.js'

/**
 * A mock session as the API would create it, its opening turn written and done: the answer-path
 * benches time the answers after it, never the opening.
 */
export async function openBenchSession(
  store: SessionStore,
  orchestrator: Pick<InterviewOrchestrator, 'resumePending' | 'idle'>,
  questionId: string,
): Promise<string> {
  const id = randomUUID()
  const at = new Date().toISOString()
  await store.createSession({
    id,
    ownerId: 'bench',
    questionId,
    mode: 'mock',
    focus: null,
    options: { followUpBudget: 5, timeLimitMinutes: 45 },
    status: 'active',
    parentId: null,
    createdAt: at,
    updatedAt: at,
  })
  await orchestrator.resumePending(id)
  await orchestrator.idle(id)
  return id
}
