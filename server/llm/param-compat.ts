import OpenAI from 'openai'
import { LlmError } from './llm-client.js'

/**
 * Request parameters some models refuse, learnt from their 400s and remembered for the client's
 * lifetime: reasoning models (o-series, gpt-5) take only the default temperature and want
 * `max_completion_tokens` instead of `max_tokens`.
 */
export type ParamCompat = {
  sendTemperature: boolean
  maxTokensField: 'max_tokens' | 'max_completion_tokens'
}

export function createParamCompat(): ParamCompat {
  return { sendTemperature: true, maxTokensField: 'max_tokens' }
}

/** Adapts `compat` to a 400 about one of those parameters; true when a retry may now succeed. */
export function learnFromRejection(
  error: unknown,
  compat: ParamCompat,
  sent: { temperature: boolean; maxTokens: boolean },
): boolean {
  if (!(error instanceof LlmError) || error.code !== 'bad_request') return false
  const cause = error.cause
  if (!(cause instanceof OpenAI.APIError) || cause.status !== 400) return false
  const message = error.message
  if (
    sent.maxTokens &&
    compat.maxTokensField === 'max_tokens' &&
    /max_tokens/.test(message) &&
    /max_completion_tokens/.test(message)
  ) {
    compat.maxTokensField = 'max_completion_tokens'
    return true
  }
  if (
    sent.temperature &&
    compat.sendTemperature &&
    /temperature/i.test(message) &&
    /unsupported|not supported|does not support|only the default/i.test(message)
  ) {
    compat.sendTemperature = false
    return true
  }
  return false
}
