import { http } from 'msw'
import { beforeAll, describe, expect, it } from 'vitest'
import type { TurnChunk } from '../../../server/interview/interviewer-engine.js'
import { pumpTurn } from '../../../server/interview/interviewer-turn-runner.js'
import { createNodeHttpFetch } from '../../../server/llm/node-http-fetch.js'
import { loadPromptLibrary, type PromptLibrary } from '../../../server/prompts/prompt-library.js'
import type { Session } from '../../../server/sessions/session-schema.js'
import { createRng } from '../../support/fuzz.js'
import { useMswServer } from '../../support/msw-server.js'
import { chatChunk, sseResponse, sseText, usageChunk } from '../../support/sse.js'
import { COMPLETIONS_URL, createTestClient } from '../llm/llm-test-kit.js'
import { drainTurn } from './fixtures/drain-turn.js'
import { llmTurnAfterAnswer, pushWording } from './fixtures/llm-turn-after-answer.js'
import { randomSplit } from './fixtures/leaky-text.js'
import { loadTimeBombQuestion } from './fixtures/load-question.js'

const server = useMswServer()
const question = loadTimeBombQuestion()
let prompts: PromptLibrary
beforeAll(async () => {
  prompts = await loadPromptLibrary()
})

const second = question.framework.steps[1]!
const copied = question.modelAnswer.split(/\s+/).slice(40, 60).join(' ')

type Case = { session: Partial<Session>; askedBefore: boolean; reply: string }

/** A plain follow-up, a repeat, a copy of the model answer, both, and a drill verdict. */
const CASES: Case[] = [
  { session: {}, askedBefore: false, reply: 'Fair. What would you measure first?\nNOTES: fine' },
  { session: {}, askedBefore: true, reply: `Thanks. ${pushWording(second.name)}\nNOTES: next.` },
  { session: {}, askedBefore: false, reply: `OK. ${copied}. How would you validate that?` },
  {
    session: {},
    askedBefore: true,
    reply: `OK. ${copied}. ${pushWording(second.name)} How would you validate that?`,
  },
  {
    session: { mode: 'drill', focus: 'step:3' },
    askedBefore: false,
    reply:
      'Verdict: solid. You are on it.\nHint: Your answer did not get to the part that matters.\nWhat would page someone first?\nNOTES: rep.',
  },
]

/** The model's reply as a provider streams it: one chunk per piece, then usage and [DONE]. */
function serve(pieces: string[], chunkBytes: number) {
  const events = [
    ...pieces.map((p, i) =>
      chatChunk(p, { finishReason: i === pieces.length - 1 ? 'stop' : null }),
    ),
    usageChunk(900, pieces.length),
  ]
  server.use(http.post(COMPLETIONS_URL, () => sseResponse(sseText(events), { chunkBytes })))
}

const llm = () => createTestClient({ fetch: createNodeHttpFetch(), maxRetries: 0 }).client

/**
 * The chunks as the candidate's text sees them: consecutive text chunks joined (the pushed turn
 * merges those of one network read into one emit), empty ones dropped, revisions in place.
 */
function asShown(chunks: TurnChunk[]): TurnChunk[] {
  const out: TurnChunk[] = []
  for (const chunk of chunks) {
    if (chunk === '') continue
    const last = out.at(-1)
    if (typeof chunk === 'string' && typeof last === 'string') out[out.length - 1] = last + chunk
    else out.push(chunk)
  }
  return out
}

// Over node:http the pushed turn reads the model's stream by callback, a delta handed on inside
// the network read that brought it (no promise a token), and the text of the deltas of one
// read goes out in one emit; stepped with next() it reads by promises, a chunk a delta. The
// candidate must get the same text and revisions in the same order, and the turn the same
// metadata, whatever the deltas and however their bytes are split into network reads (one read
// with every event in it included).
describe('LLM interviewer turn pushed over node:http', () => {
  it('gives the text, revisions and metadata next() gives, for any deltas and reads', async () => {
    const rng = createRng(20261204)
    for (const c of CASES) {
      for (let i = 0; i < 6; i++) {
        const pieces = randomSplit(rng, c.reply)
        const chunkBytes = [1, 37, 100_000][i % 3]!
        serve(pieces, chunkBytes)
        const stepped = await drainTurn(llmTurnAfterAnswer(question, prompts, c, llm()))
        serve(pieces, chunkBytes)
        const chunks: TurnChunk[] = []
        const meta = await pumpTurn(llmTurnAfterAnswer(question, prompts, c, llm()), '', {
          emit: (text) => chunks.push(text),
          revise: (whole) => chunks.push({ revise: whole }),
        })
        const label = `${JSON.stringify(pieces)} in ${chunkBytes}-byte reads`
        expect(asShown(chunks), label).toEqual(asShown(stepped.chunks))
        expect(meta, label).toEqual(stepped.meta)
      }
    }
  })

  it('sends the deltas of one network read in one emit', async () => {
    const c = CASES[0]!
    const pieces = c.reply.split(/(?<= )/)
    serve(pieces, 100_000)
    const emits: string[] = []
    await pumpTurn(llmTurnAfterAnswer(question, prompts, c, llm()), '', {
      emit: (text) => emits.push(text),
      revise: () => undefined,
    })
    expect(pieces.length).toBeGreaterThan(3)
    // The whole reply came in one read: its text is one emit (the notes line is the model's
    // own, never shown).
    expect(emits).toEqual(['Fair. What would you measure first?'])
  })
})
