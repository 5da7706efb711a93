import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'

/** Where the bench's OpenAI client sends its requests; msw answers them in process. */
export const SCRIPTED_LLM_URL = 'http://scripted-llm.bench/v1'

export const PHRASINGS = [
  'Let me push on {label}: what would you do there first, and why that first?',
  'On {label}: what could go wrong, and how would you notice it?',
  'How would you know your {label} is good enough to move on?',
]
/** Drill questions on the focus, as a model keeps rephrasing the same ask. */
export const DRILL_PHRASINGS = [
  'Again on {label}: what is the first concrete thing you would do?',
  'Still on {label}: what is the first concrete thing you would do, and why?',
  'Give me one specific example for {label}: what exactly would you do?',
]
export const WRAP_UP = [
  'If you had to cut one part of your plan, which would it be and why?',
  'What would you do differently with twice the time?',
]

/**
 * A model that follows the interviewer prompt to the letter: one question on the gap it is
 * given, never one in its list of questions already asked. Every third reply opens with a
 * sentence copied from the model answer in the system prompt, as models sometimes do, for the
 * leak guard to catch. Streams as OpenAI does (server-sent chunks, then [DONE]).
 *
 * In a drill it answers in the drill's format (`Verdict:`, `Hint:`, the next question), with the
 * slips the drill prompt forbids: every third reply its hint is the copied sentence, every fourth
 * the hint asks a question of its own, and the verdict is always "solid" while the hint says the
 * answer fell short every other reply.
 */
export function startScriptedLlm() {
  let calls = 0
  const server = setupServer(
    http.post(`${SCRIPTED_LLM_URL}/chat/completions`, async ({ request }) => {
      const body = (await request.json()) as { messages: Array<{ role: string; content: string }> }
      const system = body.messages[0]?.content ?? ''
      const last = body.messages.at(-1)?.content ?? ''
      const drill = /ask the next drill question, aimed at: (.+?)\.\n/.exec(last)
      if (drill) return stream(drillReply(++calls, system, last, drill[1]!))
      const gap =
        /most important gap to probe next: (?:framework step|rubric criterion) \d+, (.+?) \(/.exec(
          last,
        )
      const asked = askedIn(last)
      const options = gap
        ? PHRASINGS.map((p) => p.replace('{label}', gap[1]!.toLowerCase()))
        : WRAP_UP
      const question = options.find((q) => !asked.includes(q)) ?? options[0]!
      const leak = ++calls % 3 === 0 ? `${copiedSentence(system)} ` : ''
      return stream(`${leak}Thanks. ${question}\nNOTES: asked about ${gap?.[1] ?? 'wrap-up'}.`)
    }),
  )
  server.listen({ onUnhandledRequest: 'bypass' })
  return { close: () => server.close(), calls: () => calls }
}

function askedIn(last: string): string[] {
  return last
    .split('\n')
    .filter((l) => l.startsWith('- '))
    .map((l) => l.slice(2).trim())
}

/** A drill reply with the slips of a model that half-follows the drill prompt. */
function drillReply(call: number, system: string, last: string, target: string): string {
  const label = target.replace(/^framework step \d+, /, '').toLowerCase()
  const asked = askedIn(last)
  const options = DRILL_PHRASINGS.map((p) => p.replace('{label}', label))
  const question = options.find((q) => !asked.some((a) => a.endsWith(q))) ?? options[0]!
  const hint =
    call % 3 === 0
      ? copiedSentence(system)
      : call % 4 === 0
        ? `Have you thought about what would make you stop?`
        : call % 2 === 0
          ? `Your answer did not get to the part that matters most.`
          : `Think about what you would measure first.`
  return `Verdict: solid. You are on it.\nHint: ${hint}\n${question}\nNOTES: drill rep ${call}.`
}

/** Streams a reply as OpenAI does: a chunk a word, a finish chunk, then [DONE]. */
function stream(text: string): HttpResponse<string> {
  const chunks = text.match(/\S+\s*/g) ?? []
  const sse = chunks
    .map((c) => `data: ${JSON.stringify(chunk(c))}\n\n`)
    .concat(`data: ${JSON.stringify(chunk(null, 'stop'))}\n\n`, 'data: [DONE]\n\n')
    .join('')
  return new HttpResponse(sse, { headers: { 'content-type': 'text/event-stream' } })
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
