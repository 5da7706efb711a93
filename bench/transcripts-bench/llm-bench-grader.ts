import type { Env } from '../../server/env.js'
import { createLlmTranscriptGrader } from '../../server/grading/llm-grader-port.js'
import type { TranscriptGrader } from '../../server/grading/grading-service.js'
import type { LlmClient } from '../../server/llm/llm-client.js'
import { OpenAiLlmClient } from '../../server/llm/openai-llm-client.js'
import type { PromptLibrary } from '../../server/prompts/prompt-library.js'

/**
 * The LLM grader exactly as the server builds it (server/main.ts): GRADER_MODEL on the
 * OpenAI-compatible server of OPENAI_BASE_URL, GRADER_SAMPLES samples, the same timeouts and
 * retries. `client` replaces the HTTP client in tests. Undefined without OPENAI_API_KEY.
 */
export function createBenchLlmGrader(
  env: Env,
  prompts: PromptLibrary,
  client?: LlmClient,
): TranscriptGrader | undefined {
  if (!env.OPENAI_API_KEY && !client) return undefined
  const llm =
    client ??
    new OpenAiLlmClient({
      apiKey: env.OPENAI_API_KEY!,
      baseURL: env.OPENAI_BASE_URL,
      model: env.GRADER_MODEL,
      timeoutMs: env.LLM_TIMEOUT_MS,
      idleTimeoutMs: env.LLM_IDLE_TIMEOUT_MS,
      maxRetries: env.LLM_MAX_RETRIES,
    })
  return createLlmTranscriptGrader({
    llm,
    prompts,
    clock: () => new Date(),
    model: env.GRADER_MODEL,
    samples: env.GRADER_SAMPLES,
  })
}
