import { describe, expect, it } from 'vitest'
import { HttpResponse, http } from 'msw'
import type { LlmStreamEvent } from '../../../server/llm/llm-client.js'
import { useMswServer } from '../../support/msw-server.js'
import { chatChunk, sseText, usageChunk } from '../../support/sse.js'
import { COMPLETIONS_URL, TRANSPORTS, createTestClient } from './llm-test-kit.js'

const server = useMswServer()

/**
 * A stream that sends the reply up to its finish_reason chunk, then waits for `open()` before
 * the usage chunk and [DONE], as a server does one token interval later.
 */
function gatedReply(text: string[], finishReason = 'stop') {
  let open!: () => void
  const gate = new Promise<void>((resolve) => (open = resolve))
  const encoder = new TextEncoder()
  server.use(
    http.post(COMPLETIONS_URL, () => {
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          const chunks = text.map((t, i) =>
            chatChunk(t, { finishReason: i === text.length - 1 ? finishReason : null }),
          )
          controller.enqueue(encoder.encode(sseText(chunks, false)))
          await gate
          controller.enqueue(encoder.encode(sseText([usageChunk(40, 5)])))
          controller.close()
        },
      })
      return new HttpResponse(body as never, {
        headers: { 'content-type': 'text/event-stream; charset=utf-8' },
      })
    }),
  )
  let opened = false
  return {
    open: () => {
      opened = true
      open()
    },
    get opened() {
      return opened
    },
  }
}

describe.each(TRANSPORTS)('OpenAiLlmClient, text-end ($transport)', ({ makeFetch }) => {
  it('ends the text at the finish_reason chunk, before the usage chunk and [DONE]', async () => {
    const gate = gatedReply(['Which', ' id would', ' you use <'])
    const { client } = createTestClient({ fetch: makeFetch() })
    const seen: string[] = []
    let textEndedBeforeUsage: boolean | null = null
    for await (const event of client.streamChat({ messages: [{ role: 'user', content: 'Hi' }] })) {
      seen.push(describeEvent(event))
      if (event.type === 'text-end') {
        textEndedBeforeUsage = !gate.opened
        gate.open()
      }
    }
    expect(textEndedBeforeUsage).toBe(true)
    // The markup filter's held '<' (it could have begun a tag) is released with the text's end.
    expect(seen.join('')).toBe('Which id would you use <|text-end|done 40+5')
  })

  it('sends no text-end for a reply the content filter stopped: it is not a whole text', async () => {
    const gate = gatedReply(['Suppose an', ' attacker floods the'], 'content_filter')
    gate.open()
    const { client } = createTestClient({ fetch: makeFetch() })
    const seen: string[] = []
    await expect(
      (async () => {
        for await (const event of client.streamChat({
          messages: [{ role: 'user', content: 'Hi' }],
        }))
          seen.push(describeEvent(event))
      })(),
    ).rejects.toMatchObject({ code: 'content_filtered' })
    expect(seen.join('')).toBe('Suppose an attacker floods the')
  })
})

function describeEvent(event: LlmStreamEvent): string {
  if (event.type === 'delta') return event.text
  if (event.type === 'text-end') return '|text-end'
  if (event.type === 'retract') return '|retract'
  return `|done ${event.usage?.promptTokens}+${event.usage?.completionTokens}`
}
