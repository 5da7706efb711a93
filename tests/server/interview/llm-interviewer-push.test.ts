import { beforeAll, describe, expect, it } from 'vitest'
import type { TurnChunk } from '../../../server/interview/interviewer-engine.js'
import { pumpTurn } from '../../../server/interview/interviewer-turn-runner.js'
import { LlmError, type LlmClient } from '../../../server/llm/llm-client.js'
import { loadPromptLibrary, type PromptLibrary } from '../../../server/prompts/prompt-library.js'
import type { Session } from '../../../server/sessions/session-schema.js'
import { createRng } from '../../support/fuzz.js'
import { ScriptedLlmClient } from '../../support/scripted-llm-client.js'
import { drainTurn } from './fixtures/drain-turn.js'
import { llmTurnAfterAnswer, pushWording } from './fixtures/llm-turn-after-answer.js'
import { randomSplit } from './fixtures/leaky-text.js'
import { loadTimeBombQuestion } from './fixtures/load-question.js'

const question = loadTimeBombQuestion()
let prompts: PromptLibrary
beforeAll(async () => {
  prompts = await loadPromptLibrary()
})

const second = question.framework.steps[1]
const wording = pushWording
const copied = question.modelAnswer.split(/\s+/).slice(40, 60).join(' ')

type Case = { session: Partial<Session>; askedBefore: boolean; reply: string }

const CASES: Case[] = [
  { session: {}, askedBefore: false, reply: 'Fair. What would you measure first?\nNOTES: fine' },
  { session: {}, askedBefore: true, reply: `Thanks. ${wording(second!.name)}\nNOTES: next.` },
  { session: {}, askedBefore: false, reply: `OK. ${copied}. How would you validate that?` },
  {
    session: {},
    askedBefore: true,
    reply: `OK. ${copied}. ${wording(second!.name)} How would you validate that?`,
  },
  {
    session: { mode: 'drill', focus: 'step:3' },
    askedBefore: false,
    reply:
      'Verdict: solid. You are on it.\nHint: Your answer did not get to the part that matters.\nWhat would page someone first?\nNOTES: rep.',
  },
]

const turnOf = (c: Case, llm: LlmClient) => llmTurnAfterAnswer(question, prompts, c, llm)

/** The turn run by the turn runner's pump (the push path), its chunks as `next()` gives them. */
async function pushed(c: Case, llm: LlmClient) {
  const chunks: TurnChunk[] = []
  const stream = turnOf(c, llm)
  expect(stream.pushTo).toBeTypeOf('function')
  const meta = await pumpTurn(stream, '', {
    emit: (text) => chunks.push(text),
    revise: (whole) => chunks.push({ revise: whole }),
  })
  return { chunks, meta }
}

// The turn runner runs the LLM turn with pushTo (no promise per chunk); the tests of the turn
// step it with next(). Both must give the same chunks, in order, and the same outcome.
describe('LLM interviewer turn pushed into the turn runner', () => {
  it('gives the chunks and metadata next() gives, for any deltas', async () => {
    const rng = createRng(20261203)
    for (const c of CASES) {
      for (let i = 0; i < 8; i++) {
        const chunks = randomSplit(rng, c.reply)
        const stepped = await drainTurn(turnOf(c, new ScriptedLlmClient([{ chunks }])))
        const run = await pushed(c, new ScriptedLlmClient([{ chunks }]))
        const label = JSON.stringify(chunks)
        expect(run.chunks, label).toEqual(stepped.chunks.filter((k) => k !== ''))
        expect(run.meta, label).toEqual(stepped.meta)
      }
    }
  })

  it('rejects as next() does when the stream fails before its text is whole', async () => {
    const cut = new LlmError('stream_error', 'cut', false)
    const script = () => new ScriptedLlmClient([{ chunks: ['Fair. What would'], error: cut }])
    const chunks: TurnChunk[] = []
    await expect(
      pumpTurn(turnOf(CASES[0]!, script()), '', {
        emit: (text) => chunks.push(text),
        revise: (whole) => chunks.push({ revise: whole }),
      }),
    ).rejects.toThrow('cut')
    // What the filters held is handed on before the failure, as stepping gives it.
    const stepped: TurnChunk[] = []
    const turn = turnOf(CASES[0]!, script())
    await expect(
      (async () => {
        for (let step = await turn.next(); !step.done; step = await turn.next())
          stepped.push(step.value)
      })(),
    ).rejects.toThrow('cut')
    expect(chunks).toEqual(stepped)
  })

  it("closes the model's stream when the sink throws, and rejects with that error", async () => {
    let closed = false
    const llm: LlmClient = {
      provider: 'endless',
      model: 'endless-1',
      completeJson: () => Promise.reject(new Error('not used')),
      async *streamChat() {
        try {
          for (;;) yield { type: 'delta' as const, text: 'More words ' }
        } finally {
          closed = true
        }
      },
    }
    let emitted = 0
    await expect(
      pumpTurn(turnOf(CASES[0]!, llm), '', {
        emit: () => {
          emitted++
          throw new Error('send failed')
        },
        revise: () => undefined,
      }),
    ).rejects.toThrow('send failed')
    expect(emitted).toBe(1)
    expect(closed).toBe(true)
  })

  it('fails the turn, not the process, when a read throws at once, and closes the stream', async () => {
    // Each read's promise is left unwatched on the push path: a throw must not escape as an
    // unhandled rejection (nor leave the turn hanging).
    let reads = 0
    let closed = false
    const llm: LlmClient = {
      provider: 'throwing',
      model: 'throwing-1',
      completeJson: () => Promise.reject(new Error('not used')),
      streamChat: () => ({
        [Symbol.asyncIterator]: () => ({
          next() {
            if (++reads === 2) throw new Error('read threw')
            return Promise.resolve({
              value: { type: 'delta' as const, text: 'Fair. ' },
              done: false,
            })
          },
          return() {
            closed = true
            return Promise.resolve({ value: undefined, done: true as const })
          },
        }),
      }),
    }
    const chunks: string[] = []
    await expect(
      pumpTurn(turnOf(CASES[0]!, llm), '', {
        emit: (text) => chunks.push(text),
        revise: () => undefined,
      }),
    ).rejects.toThrow('read threw')
    expect(chunks).toEqual(['Fair.'])
    expect(closed).toBe(true)
  })
})
