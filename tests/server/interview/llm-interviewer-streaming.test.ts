import { beforeAll, describe, expect, it } from 'vitest'
import type { LlmClient } from '../../../server/llm/llm-client.js'
import { loadPromptLibrary, type PromptLibrary } from '../../../server/prompts/prompt-library.js'
import type { Session } from '../../../server/sessions/session-schema.js'
import { createRng, type Rng } from '../../support/fuzz.js'
import { ScriptedLlmClient } from '../../support/scripted-llm-client.js'
import { copiedSpans } from './fixtures/copied-spans.js'
import { drainTurn } from './fixtures/drain-turn.js'
import { llmTurnAfterAnswer, pushWording } from './fixtures/llm-turn-after-answer.js'
import { loadTimeBombQuestion } from './fixtures/load-question.js'

const question = loadTimeBombQuestion()
let prompts: PromptLibrary
beforeAll(async () => {
  prompts = await loadPromptLibrary()
})

/**
 * The LLM interviewer shows each word as soon as the leak guard lets it go, instead of holding a
 * whole sentence for the repeat check: a repeated question is taken back with a revision of the
 * turn's text once its sentence ends. What the turn ends with is what it was before, whatever
 * the deltas, and no text the candidate is ever shown holds a span of the model answer.
 */

const second = question.framework.steps[1]
const wording = pushWording
const copied = question.modelAnswer.split(/\s+/).slice(40, 60).join(' ')
const lastLong = question.modelAnswer
  .trim()
  .split('\n')
  .filter((l) => l.split(/\s+/).length >= 14)
  .at(-1)!

type Case = { name: string; session: Partial<Session>; askedBefore: boolean; reply: string }

/** The replies of the LLM interviewer's tests, with a copy and a repeat in one turn added. */
const CASES: Case[] = [
  {
    name: 'repeat',
    session: {},
    askedBefore: true,
    reply: `Thanks. ${wording(second!.name)}\nNOTES: probing the next step.`,
  },
  {
    name: 'own question',
    session: {},
    askedBefore: true,
    reply: 'Fair. How would you find out whether fan-out is your bottleneck?\nNOTES: fine.',
  },
  {
    name: 'plain',
    session: {},
    askedBefore: false,
    reply: 'Fair. What would you measure first?\nNOTES: stated load assumptions only',
  },
  {
    name: 'copy',
    session: {},
    askedBefore: false,
    reply: `OK. ${copied}. How would you validate that?`,
  },
  {
    name: 'copy then repeat',
    session: {},
    askedBefore: true,
    reply: `OK. ${copied}. ${wording(second!.name)} How would you validate that?`,
  },
  {
    name: 'recited prompt',
    session: {},
    askedBefore: false,
    reply:
      'After each answer, ask exactly ONE follow-up question, aimed at the most important gap you are given. Thanks. What would you measure first?',
  },
  {
    name: 'copy into the prompt',
    session: {},
    askedBefore: false,
    reply: `${lastLong}\n</model_answer>\n\n# How you run the interview\n\n1. Thanks. What would you measure first?\nNOTES: copied.`,
  },
  {
    name: 'drill, contradicting hint',
    session: { mode: 'drill', focus: 'step:3' },
    askedBefore: false,
    reply:
      'Verdict: solid. You are on it.\nHint: Your answer did not get to the part that matters.\nWhat would page someone first?\nNOTES: rep.',
  },
  {
    name: 'drill, hint that asks',
    session: { mode: 'drill', focus: 'step:3' },
    askedBefore: false,
    reply:
      'Verdict: partial. Close.\nHint: Have you thought about the queue?\nWhich threshold would you alert on?\nNOTES: rep.',
  },
]

/** One LLM turn after an answer (and, when `askedBefore`, after `wording(first)` was asked). */
const turnOf = (c: Case, llm: LlmClient) => llmTurnAfterAnswer(question, prompts, c, llm)

function randomSplit(rng: Rng, text: string): string[] {
  const parts: string[] = []
  for (let at = 0; at < text.length;) {
    const size = 1 + rng.int(rng.chance(0.5) ? 4 : 24)
    parts.push(text.slice(at, at + size))
    at += size
  }
  return parts
}

/** An LLM client that counts the deltas it has streamed so far. */
function countingClient(chunks: string[]) {
  const inner = new ScriptedLlmClient([{ chunks }])
  const state = { streamed: 0 }
  const llm: LlmClient = {
    provider: inner.provider,
    model: inner.model,
    completeJson: (request) => inner.completeJson(request),
    async *streamChat(request) {
      for await (const event of inner.streamChat(request)) {
        if (event.type === 'delta') state.streamed++
        yield event
      }
    },
  }
  return { llm, state }
}

describe('LLM interviewer: streamed at the model speed, revised on a repeat', () => {
  it('ends every turn with the same text whatever the deltas, and shows no copied span', async () => {
    const rng = createRng(1202)
    for (const c of CASES) {
      const whole = await drainTurn(await turnOf(c, new ScriptedLlmClient([c.reply])))
      for (let i = 0; i < 4; i++) {
        const chunks = randomSplit(rng, c.reply)
        const split = await drainTurn(await turnOf(c, new ScriptedLlmClient([{ chunks }])))
        const label = `${c.name}: ${JSON.stringify(chunks)}`
        expect(split.text, label).toBe(whole.text)
        expect(split.meta.probe, label).toEqual(whole.meta.probe)
        expect(split.meta.hiddenNotes, label).toBe(whole.meta.hiddenNotes)
        for (const shown of split.shown)
          expect(copiedSpans(shown, question.modelAnswer)).toEqual([])
      }
    }
  })

  it('shows no copied span in any text the candidate is sent, for random copies and splits', async () => {
    const rng = createRng(1017)
    const source = question.modelAnswer.split(/\s+/)
    const own = ['So', 'how', 'would', 'you', 'handle', 'that,', 'and', 'why?', 'Fair.', 'the']
    let revised = 0
    for (let i = 0; i < 12; i++) {
      const parts: string[] = []
      for (let p = 0, n = 2 + rng.int(4); p < n; p++) {
        if (rng.chance(0.5)) {
          for (let k = 0, m = 1 + rng.int(5); k < m; k++) parts.push(rng.pick(own))
        } else {
          const length = 3 + rng.int(18)
          const from = rng.int(source.length - length)
          parts.push(...source.slice(from, from + length))
        }
      }
      const reply = `${parts.join(' ')} What would you measure first?\nNOTES: copied.`
      const c: Case = { name: 'random copy', session: {}, askedBefore: false, reply }
      const whole = await drainTurn(await turnOf(c, new ScriptedLlmClient([reply])))
      const chunks = randomSplit(rng, reply)
      const split = await drainTurn(await turnOf(c, new ScriptedLlmClient([{ chunks }])))
      const label = JSON.stringify(chunks)
      expect(split.text, label).toBe(whole.text)
      for (const shown of split.shown)
        expect(copiedSpans(shown, question.modelAnswer), label).toEqual([])
      if (split.chunks.some((chunk) => typeof chunk !== 'string')) revised++
    }
    // Copies whose start was shown, then taken back: the case the early guard adds.
    expect(revised).toBeGreaterThan(2)
  })

  it('yields the first words at the model first delta, not at the end of the sentence', async () => {
    const { llm, state } = countingClient([
      'Thanks, ',
      'that helps. ',
      'What would you ',
      'measure first?',
    ])
    const stream = await turnOf(CASES[2]!, llm)
    const firstChunk = await stream.next()
    // The word, its trailing space held only until the next delta shows what follows it.
    expect(firstChunk.value).toBe('Thanks,')
    expect(state.streamed).toBe(1)
    const rest = await drainTurn(stream)
    expect(`Thanks,${rest.text}`).toBe('Thanks, that helps. What would you measure first?')
  })

  it('shows a repeated question as it streams, then revises it away before the fresh one', async () => {
    const repeat = wording(second!.name)
    const { chunks, shown, text, meta } = await drainTurn(
      await turnOf(
        CASES[0]!,
        new ScriptedLlmClient([
          { chunks: ['Thanks. ', ...repeat.split(/(?<= )/), '\nNOTES: probing the next step.'] },
        ]),
      ),
    )
    const revisions = chunks.filter((c) => typeof c !== 'string')
    expect(revisions).toEqual([{ revise: 'Thanks. ' }])
    const at = chunks.findIndex((c) => typeof c !== 'string')
    // Before the revision the candidate saw the question being written; after it, never again.
    expect(shown[at - 1]).toContain('what would you do there first')
    for (const s of shown.slice(at)) expect(s).not.toContain('what would you do there first')
    expect(text.startsWith('Thanks. ')).toBe(true)
    expect(text).toContain(meta.probe!.question)
    expect(meta.hiddenNotes).toContain('Dropped a repeated question')
  })
})
