/**
 * The text of a message's or delta's `content`: the string itself, or, when a server sends a
 * list of typed parts (Mistral's Magistral: `{"type": "thinking", ...}` then
 * `{"type": "text", "text": ...}`), its `text` parts joined; thinking and other parts are the
 * model's scratch work or references, never the answer.
 */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  let text = ''
  for (const part of content) {
    const p = part as { type?: unknown; text?: unknown } | null
    // `output_text`: the Responses API's name for a text part, sent by some proxies.
    if (p && (p.type === 'text' || p.type === 'output_text') && typeof p.text === 'string')
      text += p.text
  }
  return text
}
