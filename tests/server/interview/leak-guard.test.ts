import { describe, expect, it } from 'vitest'
import {
  NEUTRAL_PROBE,
  createLeakGuard,
  guardStream,
  normaliseWords,
} from '../../../server/interview/leak-guard.js'
import { ScriptedLlmClient } from '../../support/scripted-llm-client.js'
import type { LlmClient } from '../../../server/llm/llm-client.js'

const MODEL_ANSWER =
  'The client retries the charge after a timeout although the first charge succeeded. ' +
  "Send an idempotency key derived from the order id with every charge so the provider's API " +
  'returns the first result on a retry. Write the order as pending before charging, and ' +
  'reconcile pending orders against the provider every few minutes.'

async function* textDeltas(client: LlmClient): AsyncIterable<string> {
  for await (const event of client.streamChat({ messages: [{ role: 'user', content: 'next' }] })) {
    if (event.type === 'delta') yield event.text
  }
}

/** Runs a scripted interviewer reply through the guard; returns what the candidate would see. */
async function guardScripted(chunks: string[]) {
  const llm = new ScriptedLlmClient([{ chunks }])
  const guard = createLeakGuard(MODEL_ANSWER)
  const stream = guardStream(textDeltas(llm), guard)
  const sent: string[] = []
  let next = await stream.next()
  while (!next.done) {
    sent.push(next.value)
    next = await stream.next()
  }
  return { text: sent.join(''), leaks: next.value.leaks, llm }
}

describe('normaliseWords', () => {
  it('ignores case, punctuation, curly quotes and whitespace', () => {
    expect(normaliseWords('The  “Provider’s”\tAPI — RETURNS, the first...')).toEqual(
      normaliseWords("the provider's api returns the first"),
    )
  })
})

describe('createLeakGuard().checkSentence', () => {
  it('rewrites a sentence with a 12-word verbatim span into the neutral probe', () => {
    const guard = createLeakGuard(MODEL_ANSWER)
    const result = guard.checkSentence(
      'Consider this: send an idempotency key derived from the order id with every charge. ',
    )
    expect(result).toEqual({ text: `${NEUTRAL_PROBE} `, leaked: true })
    expect(guard.leaks).toBe(1)
  })

  it('catches a copy with changed case, punctuation and quotes', () => {
    const guard = createLeakGuard(MODEL_ANSWER)
    const result = guard.checkSentence(
      'SEND an Idempotency-Key, derived from the “order id” — with every charge; so THE provider’s API...',
    )
    expect(result.leaked).toBe(true)
  })

  it('lets an 11-word overlap through unchanged', () => {
    const guard = createLeakGuard(MODEL_ANSWER)
    // "send an idempotency key derived from the order id with every" is 11 words of the answer.
    const sentence =
      'Would you send an idempotency key derived from the order id with every request?'
    expect(guard.checkSentence(sentence)).toEqual({ text: sentence, leaked: false })
    expect(guard.leaks).toBe(0)
  })

  it('drops later leaks of the same turn instead of repeating the probe', () => {
    const guard = createLeakGuard(MODEL_ANSWER)
    guard.checkSentence(
      'The client retries the charge after a timeout although the first charge succeeded. ',
    )
    const second = guard.checkSentence(
      'Write the order as pending before charging, and reconcile pending orders against the provider. ',
    )
    expect(second).toEqual({ text: null, leaked: true })
    expect(guard.leaks).toBe(2)
  })

  it('catches a span split across two sentences', () => {
    const guard = createLeakGuard(MODEL_ANSWER)
    expect(guard.checkSentence('The client retries the charge after a timeout. ').leaked).toBe(
      false,
    )
    expect(guard.checkSentence('Although the first charge succeeded, right? ').leaked).toBe(true)
  })

  it('lets questions about the same topic in its own words through', () => {
    const guard = createLeakGuard(MODEL_ANSWER)
    const sentence =
      'How would you make sure a retried payment call cannot charge the customer twice? '
    expect(guard.checkSentence(sentence).text).toBe(sentence)
  })
})

describe('guardStream against a scripted LLM that tries to leak', () => {
  it('replaces a verbatim leak split across deltas and keeps the safe sentences', async () => {
    const { text, leaks, llm } = await guardScripted([
      'Good start. Think about this: send an idem',
      'potency key derived from the order id with every ',
      'charge so the provider returns the first result. What would you monitor?',
    ])
    expect(text).toBe(`Good start. ${NEUTRAL_PROBE} What would you monitor?`)
    expect(leaks).toBe(1)
    expect(llm.calls).toHaveLength(1)
  })

  it('catches a leak with changed case and punctuation, one word per delta', async () => {
    const leak =
      'WRITE the order as "pending" before charging — and reconcile PENDING orders, against the provider! '
    const chunks = ['Fine. ', ...leak.split(/(?<= )/), 'Now, what breaks at peak?']
    const { text, leaks } = await guardScripted(chunks)
    expect(text).toBe(`Fine. ${NEUTRAL_PROBE} Now, what breaks at peak?`)
    expect(leaks).toBe(1)
  })

  it('passes a safe reply through unchanged, whatever the delta boundaries', async () => {
    const reply =
      'You mentioned retries. What happens if the first call timed out but succeeded?\n' +
      'And how would you know it happened in production?'
    const chunks = reply.match(/.{1,5}/gs) ?? []
    const { text, leaks } = await guardScripted(chunks)
    expect(text).toBe(reply)
    expect(leaks).toBe(0)
  })

  it('checks a long reply without sentence ends at word breaks', async () => {
    const filler = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ')
    const chunks = [
      `${filler} then the client retries the charge after a timeout although the first charge succeeded`,
    ]
    const { text, leaks } = await guardScripted(chunks)
    expect(leaks).toBe(1)
    expect(text).not.toContain('although the first charge succeeded')
  })
})
