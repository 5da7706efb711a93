import type { z } from 'zod'
import { OFFLINE_PROVIDER } from '../interview/offline-interviewer.js'
import type { ProviderInfoSchema } from '../protocol/interview-protocol.js'

/** Which engine asks the questions, as the UI shows it. */
export type ProviderInfo = z.infer<typeof ProviderInfoSchema>

/** The UI's name for an engine: `offline` for the built-in engine, `openai` for any LLM client. */
export function describeProvider(engine: { provider: string; model: string }): ProviderInfo {
  return {
    provider: engine.provider === OFFLINE_PROVIDER ? 'offline' : 'openai',
    model: engine.model,
  }
}
