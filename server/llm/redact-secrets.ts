/**
 * Removes credentials from text that came from a model server (error messages, stream error
 * events) before it is shown to a candidate, stored or logged. Some OpenAI-compatible servers
 * echo the request's key in their 401 text, and proxies put `user:pass@` URLs in connection
 * errors, so nothing upstream is trusted to be clean.
 */

const REDACTED = '[redacted]'

/**
 * Key shapes with a recognisable prefix: OpenAI and OpenRouter (`sk-`, `sk-proj-`, `sk-or-v1-`),
 * Groq (`gsk_`), xAI (`xai-`), Hugging Face (`hf_`), Google (`AIza`), Replicate (`r8_`). The body
 * must be long enough that words like "sk-learn" or "hf_model" are left alone.
 */
const PREFIXED_KEY = /\b(?:sk|gsk|xai|hf|r8)[-_][A-Za-z0-9_-]{16,}|\bAIza[A-Za-z0-9_-]{20,}/g

/** `Bearer <token>` in an echoed Authorization header or a message. */
const BEARER = /\b(Bearer)\s+[^\s"',;]+/gi

/** `scheme://user:password@host`: credentials in a URL (a proxy or base URL in an error). */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi

/**
 * A key-like header, JSON field or query parameter and its value: `api-key: x`, `"api_key": "x"`,
 * `?key=x`, `Authorization: Basic x`, `access_token=x`.
 */
const NAMED_SECRET =
  /(["']?\b(?:x-)?(?:api[-_]?key|access[-_]?token|auth[-_]?token|secret|password|key|authorization)["']?\s*[:=]\s*["']?)(?:(?:Basic|Bearer)\s+)?[^\s"',;&}]+/gi

/** A configured secret shorter than this is not matched literally ("ollama" is not a secret). */
const MIN_LITERAL_LENGTH = 8

export type Redactor = (text: string) => string

/**
 * A redactor that also removes the given secrets verbatim (the configured OPENAI_API_KEY), so a
 * key of any shape is caught, not only the prefixed kinds.
 */
export function createRedactor(secrets: ReadonlyArray<string | undefined> = []): Redactor {
  const literals = secrets.filter(
    (s): s is string => typeof s === 'string' && s.length >= MIN_LITERAL_LENGTH,
  )
  return (text) => {
    let out = text
    for (const secret of literals) out = out.split(secret).join(REDACTED)
    return out
      .replace(URL_CREDENTIALS, `$1${REDACTED}@`)
      .replace(BEARER, `$1 ${REDACTED}`)
      .replace(NAMED_SECRET, `$1${REDACTED}`)
      .replace(PREFIXED_KEY, REDACTED)
  }
}

/** The redactor for text with no configured secret at hand: known shapes only. */
export const redactSecrets: Redactor = createRedactor()
