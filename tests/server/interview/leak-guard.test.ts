import { describe, expect, it } from 'vitest'
import {
  NEUTRAL_PROBE,
  createLeakGuard,
  guardStream,
  normaliseWords,
} from '../../../server/interview/leak-guard.js'
import { ScriptedLlmClient } from '../../support/scripted-llm-client.js'
import type { LlmClient } from '../../../server/llm/llm-client.js'
import { copiedSpans } from './fixtures/copied-spans.js'
import { PAYMENT_MODEL_ANSWER } from './fixtures/payment-model-answer.js'

const MODEL_ANSWER = PAYMENT_MODEL_ANSWER

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

/** Pushes each chunk, then flushes; returns what was released after each push. */
function pushAll(chunks: string[], modelAnswer = MODEL_ANSWER) {
  const guard = createLeakGuard(modelAnswer)
  const released = chunks.map((c) => guard.push(c))
  const end = guard.flush()
  return { guard, released, text: released.join('') + end }
}

describe('normaliseWords', () => {
  it('ignores case, punctuation, curly quotes and whitespace', () => {
    expect(normaliseWords('The  “Provider’s”\tAPI — RETURNS, the first...')).toEqual(
      normaliseWords("the provider's api returns the first"),
    )
  })
})

describe('createLeakGuard: what it rewrites', () => {
  it('drops a 12-word verbatim span and the rest of its sentence, keeping the question after', () => {
    const { text, guard } = pushAll([
      'Consider this: send an idempotency key derived from the order id with every charge. ',
      'Which id?',
    ])
    // No probe: the turn asks its own question (the lead-in is the caller's to cut).
    expect(text).toBe('Consider this: Which id?')
    expect(guard.leaks).toBe(1)
  })

  it('catches a copy with changed case, punctuation and quotes', () => {
    const { text, guard } = pushAll([
      'SEND an Idempotency-Key, derived from the “order id” — with every charge; so THE provider’s API...',
    ])
    expect(guard.leaks).toBe(1)
    expect(copiedSpans(text, MODEL_ANSWER)).toEqual([])
  })

  it('lets an 11-word overlap through unchanged', () => {
    // "send an idempotency key derived from the order id with every" is 11 words of the answer.
    const sentence =
      'Would you send an idempotency key derived from the order id with every request?'
    const { text, guard } = pushAll([sentence])
    expect(text).toBe(sentence)
    expect(guard.leaks).toBe(0)
  })

  it('drops later leaks of the same turn too', () => {
    const { text, guard } = pushAll([
      'The client retries the charge after a timeout although the first charge succeeded. ',
      'Write the order as pending before charging, and reconcile pending orders against the provider. ',
      'What next?',
    ])
    expect(text).toBe('What next?')
    expect(guard.leaks).toBe(2)
  })

  it('catches a span split across two sentences, dropping the held words of both', () => {
    const { text, guard } = pushAll([
      'So. The client retries the charge after a timeout. ',
      'Although the first charge succeeded, right? Fine.',
    ])
    expect(guard.leaks).toBe(1)
    // Nothing left asks: the probe ends the turn.
    expect(text).toBe(`So. Fine. ${NEUTRAL_PROBE}`)
  })

  it('lets questions about the same topic in its own words through', () => {
    const sentence =
      'How would you make sure a retried payment call cannot charge the customer twice? '
    expect(pushAll([sentence]).text).toBe(sentence)
  })
})

describe('createLeakGuard: what it holds back', () => {
  it('releases words that cannot begin a copy as soon as they arrive', () => {
    const guard = createLeakGuard(MODEL_ANSWER)
    // "how" and "would" begin no 12-word span of the model answer.
    expect(guard.push('How')).toBe('How')
    expect(guard.push(' would')).toBe(' would')
    expect(guard.held).toBe('')
  })

  it('holds only the run of words that begins a span, and releases it once it diverges', () => {
    const guard = createLeakGuard(MODEL_ANSWER)
    expect(guard.push('Maybe ')).toBe('Maybe ')
    expect(guard.push('send an idempotency ')).toBe('')
    expect(guard.held).toBe('send an idempotency ')
    // "banana" breaks the run: nothing can complete a copy of it any more.
    expect(guard.push('banana ')).toBe('send an idempotency banana ')
    expect(guard.held).toBe('')
  })

  it('holds a word being typed only when it could begin a span', () => {
    const guard = createLeakGuard(MODEL_ANSWER)
    expect(guard.push('Zebra idem')).toBe('Zebra ')
    expect(guard.held).toBe('idem')
    expect(guard.push('s ')).toBe('idems ')
  })

  it('keeps a word split across deltas as one word', () => {
    const { text, guard } = pushAll([
      'Zebra send an idem',
      'potency key derived from the order id with every charge so it works. Done.',
    ])
    expect(guard.leaks).toBe(1)
    expect(text).toBe(`Zebra Done. ${NEUTRAL_PROBE}`)
  })

  it('flush releases held text that is no copy, as when a stream is cut', () => {
    const guard = createLeakGuard(MODEL_ANSWER)
    expect(guard.push('Then send an idempotency key')).toBe('Then ')
    expect(guard.flush()).toBe('send an idempotency key')
    // What follows a flush still cannot complete a copy with what it released.
    const after = guard.push(' derived from the order id with every charge so it holds. ')
    expect(copiedSpans('send an idempotency key' + after, MODEL_ANSWER)).toEqual([])
    expect(guard.leaks).toBe(1)
  })
})

describe('guardStream against a scripted LLM that tries to leak', () => {
  it('drops a verbatim leak split across deltas and keeps the safe text', async () => {
    const { text, leaks, llm } = await guardScripted([
      'Good start. Think about this: send an idem',
      'potency key derived from the order id with every ',
      'charge so the provider returns the first result. What would you monitor?',
    ])
    expect(text).toBe('Good start. Think about this: What would you monitor?')
    expect(leaks).toBe(1)
    expect(llm.calls).toHaveLength(1)
  })

  it('catches a leak with changed case and punctuation, one word per delta', async () => {
    const leak =
      'WRITE the order as "pending" before charging — and reconcile PENDING orders, against the provider! '
    const chunks = ['Fine. ', ...leak.split(/(?<= )/), 'Now, what breaks at peak?']
    const { text, leaks } = await guardScripted(chunks)
    expect(text).toBe('Fine. Now, what breaks at peak?')
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

  it('checks a long reply without sentence ends', async () => {
    const filler = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ')
    const chunks = [
      `${filler} then the client retries the charge after a timeout although the first charge succeeded`,
    ]
    const { text, leaks } = await guardScripted(chunks)
    expect(leaks).toBe(1)
    expect(text).toBe(`${filler} then ${NEUTRAL_PROBE}`)
  })
})
