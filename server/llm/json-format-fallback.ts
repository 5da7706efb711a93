import OpenAI from 'openai'
import type { ChatMessage } from './llm-client.js'
import { LlmError } from './llm-client.js'

/**
 * True when a 400 says the server does not take `response_format: json_schema` (Ollama before
 * structured outputs, older vLLM, llama.cpp builds, some proxies): then JSON mode is the fallback.
 */
export function isJsonSchemaUnsupported(error: unknown): boolean {
  if (!(error instanceof LlmError) || error.code !== 'bad_request') return false
  const cause = error.cause
  const status = cause instanceof OpenAI.APIError ? cause.status : undefined
  if (status !== 400 && status !== 422) return false
  return /response_format|json_schema|structured output|guided_json/i.test(error.message)
}

/**
 * JSON mode does not enforce the schema, so it goes into the prompt. It also satisfies OpenAI's
 * rule that JSON mode requests mention "JSON".
 */
export function withSchemaInstruction(
  messages: ChatMessage[],
  schemaName: string,
  jsonSchema: Record<string, unknown>,
): ChatMessage[] {
  const instruction: ChatMessage = {
    role: 'system',
    content:
      `Reply with one JSON object only, no prose and no code fences. It must follow this JSON ` +
      `Schema (named ${schemaName}):\n${JSON.stringify(jsonSchema)}`,
  }
  return [...messages, instruction]
}
