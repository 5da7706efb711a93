import type { LlmClient, LlmStreamEvent } from '../../server/llm/llm-client.js'

/** One turn of the event loop, as a network read would take. */
const nextLoopTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * A model that answers at once, for timing the path before the model: it calls `onRequest`
 * with the request's text when a stream is asked for, then streams one short sentence, each
 * event in its own event-loop turn as if read from a socket (without that, a whole turn would
 * run in one chain of microtasks and nothing else could run meanwhile, unlike a real server).
 */
export function createInstantLlmClient(onRequest: (requestText: string) => void): LlmClient {
  return {
    provider: 'openai',
    model: 'instant-fake',
    async *streamChat(request): AsyncIterable<LlmStreamEvent> {
      onRequest(request.messages.map((m) => m.content).join('\n'))
      await nextLoopTurn()
      yield { type: 'delta', text: 'What would you measure first, and why?' }
      await nextLoopTurn()
      yield { type: 'done', usage: null, model: 'instant-fake' }
    },
    async completeJson() {
      return { text: '{}', usage: null, model: 'instant-fake' }
    },
  }
}
