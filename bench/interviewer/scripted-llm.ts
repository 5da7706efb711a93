import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'

/** Where the bench's OpenAI client sends its requests; msw answers them in process. */
export const SCRIPTED_LLM_URL = 'http://scripted-llm.bench/v1'

const PHRASINGS = [
  'Let me push on {label}: what would you do there first, and why that first?',
  'On {label}: what could go wrong, and how would you notice it?',
  'How would you know your {label} is good enough to move on?',
]
const WRAP_UP = [
  'If you had to cut one part of your plan, which would it be and why?',
  'What would you do differently with twice the time?',
]

/**
 * A model that follows the interviewer prompt to the letter: one question on the gap it is
 * given, never one in its list of questions already asked. Every third reply opens with a
 * sentence copied from the model answer in the system prompt, as models sometimes do, for the
 * leak guard to catch. Streams as OpenAI does (server-sent chunks, then [DONE]).
 */
export function startScriptedLlm() {
  let calls = 0
  const server = setupServer(
    http.post(`${SCRIPTED_LLM_URL}/chat/completions`, async ({ request }) => {
      const body = (await request.json()) as { messages: Array<{ role: string; content: string }> }
      const system = body.messages[0]?.content ?? ''
      const last = body.messages.at(-1)?.content ?? ''
      const gap =
        /most important gap to probe next: (?:framework step|rubric criterion) \d+, (.+?) \(/.exec(
          last,
        )
      const asked = last
        .split('\n')
        .filter((l) => l.startsWith('- '))
        .map((l) => l.slice(2).trim())
      const options = gap
        ? PHRASINGS.map((p) => p.replace('{label}', gap[1]!.toLowerCase()))
        : WRAP_UP
      const question = options.find((q) => !asked.includes(q)) ?? options[0]!
      const leak = ++calls % 3 === 0 ? `${copiedSentence(system)} ` : ''
      const text = `${leak}Thanks. ${question}\nNOTES: asked about ${gap?.[1] ?? 'wrap-up'}.`
      const chunks = text.match(/\S+\s*/g) ?? []
      const sse = chunks
        .map((c) => `data: ${JSON.stringify(chunk(c))}\n\n`)
        .concat(`data: ${JSON.stringify(chunk(null, 'stop'))}\n\n`, 'data: [DONE]\n\n')
        .join('')
      return new HttpResponse(sse, { headers: { 'content-type': 'text/event-stream' } })
    }),
  )
  server.listen({ onUnhandledRequest: 'bypass' })
  return { close: () => server.close(), calls: () => calls }
}

/** A long sentence of the model answer as the system prompt carries it. */
function copiedSentence(system: string): string {
  const sentences = system.split(/(?<=[.!?])\s+/).filter((s) => s.split(/\s+/).length >= 16)
  return sentences[Math.floor(sentences.length / 2)] ?? ''
}

function chunk(content: string | null, finish: string | null = null) {
  return {
    id: 'chatcmpl-bench',
    object: 'chat.completion.chunk',
    created: 1764380000,
    model: 'scripted-model',
    choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish }],
  }
}
