import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createInterviewRuntime } from '../../../server/interview/interview-runtime.js'
import { DEFAULT_QUOTAS } from '../../../server/limits/quotas.js'
import { loadPromptLibrary, type PromptLibrary } from '../../../server/prompts/prompt-library.js'
import { QuestionBank } from '../../../server/questions/question-bank.js'
import { createTextAnalyzer } from '../../../server/text/index.js'
import { ScriptedLlmClient } from '../../support/scripted-llm-client.js'
import { createTestDeps } from '../../support/test-deps.js'
import { until } from '../../support/until.js'
import { loadTimeBombQuestion } from '../interview/fixtures/load-question.js'
import { createHttpBrowser, openSocket, startServer } from './support/ws-harness.js'

/**
 * Issue 11, item 2: with an LLM interviewer, the tokens of every interviewer turn count in its
 * session owner's LLM_DAILY_TOKEN_BUDGET, and once it is spent the owner's answers on the stream
 * are refused with quota:llm_tokens and the wait until the next UTC day; another identity's are
 * not. (Gradings' tokens: tests/server/http/grading-tokens.test.ts.)
 */

const question = loadTimeBombQuestion()
const USAGE = { promptTokens: 600, completionTokens: 400 }
const BUDGET = 1500
let prompts: PromptLibrary
beforeAll(async () => {
  prompts = await loadPromptLibrary()
})
let stops: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()))
})

/** A model whose every reply is a new question costing 1,000 tokens. */
const model = () =>
  new ScriptedLlmClient(
    Array.from({ length: 20 }, (_, i) => ({
      chunks: [`Question ${i + 1}: what breaks first when traffic grows by ${i + 2} times?`],
      usage: USAGE,
    })),
  )

async function setup() {
  const bank = new QuestionBank([question])
  const interview = createInterviewRuntime({
    questions: bank.questions,
    analyzer: createTextAnalyzer(),
    llm: { client: model(), prompts },
  })
  const deps = createTestDeps({
    bank,
    interview,
    quotas: { ...DEFAULT_QUOTAS, llmDailyTokenBudget: BUDGET },
  })
  const server = await startServer(deps)
  stops.push(server.stop)
  const candidate = async () => {
    const browser = createHttpBrowser(server.port)
    const id = await browser.startSession({ questionId: question.id, mode: 'mock' })
    const socket = await openSocket(server.port, `/api/sessions/${id}/stream`, browser.cookie())
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
    const ownerId = (await deps.store.getSession(id))!.ownerId
    /** Tokens charged to this identity today, read from the store's counter. */
    const spent = () =>
      deps.store.addToCounter(
        `llm-tokens:owner:${ownerId}:${Math.floor(deps.clock().getTime() / 86_400_000)}`,
        0,
        86_400_000,
      )
    /** Sends an answer and waits for the interviewer's reply to it. */
    const answer = (clientId: string, text: string) => {
      const from = socket.messages.length
      socket.send({ type: 'answer', clientId, text })
      return socket.waitFor('turn-end', (m) => m.turn.role === 'interviewer', from)
    }
    return { socket, spent, answer }
  }
  return { candidate }
}

describe('the LLM token budget on the stream', () => {
  it("charges interviewer turns to the owner and refuses the owner's answers once it is spent", async () => {
    const { candidate } = await setup()
    const alice = await candidate()
    await alice.answer('a1', 'A queue in front of the writer.')
    // The follow-up's tokens (and the opening's, had the model asked it), charged once the
    // turn is published.
    await until('the tokens charged', async () => ((await alice.spent()) > 0 ? true : undefined))
    expect(await alice.spent()).toBe(1000)
    await alice.answer('a2', 'Then shard the ledger by account.')
    await until('the tokens charged', async () => ((await alice.spent()) > 1000 ? true : undefined))
    expect(await alice.spent()).toBe(2000)
    alice.socket.send({ type: 'answer', clientId: 'a3', text: 'And cache the reads.' })
    const refused = await alice.socket.waitFor('error')
    expect(refused.code).toBe('quota:llm_tokens')
    expect(refused.message).toMatch(
      /^Today's LLM budget of 1,500 tokens is spent\. Try again in \d+ (hours|minutes)\./,
    )
    // Bob's budget is his own.
    const bob = await candidate()
    const reply = await bob.answer('b1', 'A queue in front of the writer.')
    expect(reply.turn.provider).toBe('scripted')
    expect(bob.socket.messages.some((m) => m.type === 'error')).toBe(false)
  })
})
