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

// Over node:http the pushed turn reads the model's stream by callback, a delta handed on inside
// the network read that brought it (no promise a token); stepped with next() it reads by
// promises. The candidate must get the same chunks and the turn the same metadata either way,
// whatever the deltas and however their bytes are split into network reads (one read with
// every event in it included).
describe('LLM interviewer turn pushed over node:http', () => {
  it('gives the chunks and metadata next() gives, for any deltas and network reads', async () => {
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
        expect(chunks, label).toEqual(stepped.chunks.filter((k) => k !== ''))
        expect(meta, label).toEqual(stepped.meta)
      }
    }
  })
})
