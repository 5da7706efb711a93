import { z } from 'zod'
import type { TokenUsage } from '../sessions/session-schema.js'
import { LlmError } from './llm-client.js'
import { stripModelMarkup } from './strip-model-markup.js'
import { contentText } from './content-parts.js'

/**
 * The part of a non-streamed chat completion we read. Other fields are ignored, and so are the
 * reasoning fields (`reasoning_content`, `reasoning`): they are the model's scratch work, never
 * the answer, even when the answer is missing, and neither are `thinking` parts of a content list.
 */
const CompletionSchema = z.object({
  model: z.string().nullish(),
  choices: z
    .array(
      z.object({
        message: z.object({
          // A list of typed parts (Mistral's Magistral) is read for its text parts.
          content: z
            .union([z.string(), z.array(z.unknown()).transform((parts) => contentText(parts))])
            .nullish(),
          refusal: z.string().nullish(),
          tool_calls: z.array(z.unknown()).nullish(),
        }),
      }),
    )
    .min(1),
  usage: z
    .object({ prompt_tokens: z.number(), completion_tokens: z.number().nullish() })
    .nullish()
    .catch(null),
})

export type ReadCompletion = { text: string; usage: TokenUsage | null; model: string | null }

/**
 * The answer text of a chat completion, with reasoning and tool-call markup removed, or an
 * LlmError that says in plain words what came back instead: not JSON, an error object, no
 * choices, a refusal, tool calls only, reasoning only.
 */
export function readChatCompletion(raw: unknown): ReadCompletion {
  const parsed = CompletionSchema.safeParse(raw)
  if (!parsed.success) throw new LlmError('bad_response', describeNonCompletion(raw), false)
  const { message } = parsed.data.choices[0]!
  const text = stripModelMarkup(message.content ?? '')
  if (text.trim().length === 0) {
    const markupOnly = (message.content ?? '').trim().length > 0
    throw new LlmError('empty_reply', describeEmpty(message, raw, markupOnly), false)
  }
  const usage = parsed.data.usage
  return {
    text,
    usage: usage
      ? { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens ?? 0 }
      : null,
    model: parsed.data.model || null,
  }
}

const PREFIX = 'The model server did not send a chat completion'

function describeNonCompletion(raw: unknown): string {
  if (typeof raw === 'string') {
    const shown = raw.replace(/\s+/g, ' ').trim().slice(0, 160)
    return `${PREFIX}: it sent text${shown ? ` ("${shown}")` : ''}; check OPENAI_BASE_URL ends in /v1`
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return `${PREFIX}: it sent ${Array.isArray(raw) ? 'a list' : String(raw)}`
  }
  const body = raw as Record<string, unknown>
  const error = body.error ?? body.detail ?? body.message
  if (error !== undefined) return `${PREFIX}; it reported: ${describeError(error)}`
  const choices = body.choices
  if (!Array.isArray(choices)) {
    const keys = Object.keys(body).slice(0, 8).join(', ') || 'nothing'
    return `${PREFIX}: the reply has no "choices" list (it has ${keys})`
  }
  if (choices.length === 0) return `${PREFIX}: the reply's "choices" list is empty`
  return `${PREFIX}: its first choice has no readable "message"`
}

function describeError(error: unknown): string {
  if (typeof error === 'string') return error.slice(0, 300)
  const message = (error as { message?: unknown } | null)?.message
  return typeof message === 'string' ? message.slice(0, 300) : JSON.stringify(error).slice(0, 300)
}

function describeEmpty(
  message: { refusal?: string | null; tool_calls?: unknown[] | null },
  raw: unknown,
  markupOnly: boolean,
): string {
  if (message.refusal) return `The model refused to answer: ${message.refusal.slice(0, 300)}`
  if (message.tool_calls && message.tool_calls.length > 0) {
    return 'The model answered with a tool call and no text'
  }
  const rawMessage = (raw as { choices: Array<{ message: Record<string, unknown> }> }).choices[0]!
    .message
  if (markupOnly) return 'The model sent only reasoning or tool-call markup and no answer'
  if (rawMessage.reasoning_content || rawMessage.reasoning) {
    return 'The model sent only its reasoning and no answer'
  }
  return 'The model server returned an empty reply'
}
