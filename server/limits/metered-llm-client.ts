import type { ChatRequest, JsonRequest, LlmClient, LlmStreamEvent } from '../llm/llm-client.js'
import type { TokenUsage } from '../sessions/session-schema.js'
import { onBehalfOf } from './on-behalf-of.js'

const total = (usage: TokenUsage | null) =>
  usage ? usage.promptTokens + usage.completionTokens : 0

/**
 * The grader's LLM client with every call's tokens (prompt + completion, as the provider reports
 * them) charged to the identity the grading runs for (runOnBehalfOf), so gradings count in
 * LLM_DAILY_TOKEN_BUDGET as interviewer turns do. A charge that fails is logged, never fatal.
 */
export function meterLlmUsage(client: LlmClient): LlmClient {
  const charge = (usage: TokenUsage | null) => {
    const who = onBehalfOf()
    const tokens = total(usage)
    if (!who || tokens === 0) return
    void who
      .chargeTokens(tokens)
      .catch((err: unknown) => console.error('charging grading tokens failed', err))
  }
  return {
    get provider() {
      return client.provider
    },
    get model() {
      return client.model
    },
    async *streamChat(request: ChatRequest): AsyncIterable<LlmStreamEvent> {
      for await (const event of client.streamChat(request)) {
        if (event.type === 'done') charge(event.usage)
        yield event
      }
    },
    async completeJson(request: JsonRequest) {
      const result = await client.completeJson(request)
      charge(result.usage)
      return result
    },
  }
}
