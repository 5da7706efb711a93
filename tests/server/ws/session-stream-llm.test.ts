import { readFileSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { createInterviewRuntime } from '../../../server/interview/interview-runtime.js'
import { createLlmTranscriptGrader } from '../../../server/grading/llm-grader-port.js'
import { LlmError } from '../../../server/llm/llm-client.js'
import { OpenAiLlmClient } from '../../../server/llm/openai-llm-client.js'
import type { ServerMessage } from '../../../server/protocol/interview-protocol.js'
import { loadPromptLibrary, type PromptLibrary } from '../../../server/prompts/prompt-library.js'
import { QuestionBank } from '../../../server/questions/question-bank.js'
import { createTextAnalyzer } from '../../../server/text/index.js'
import { ScriptedLlmClient, type ScriptedStep } from '../../support/scripted-llm-client.js'
import { readSseFixture, sseResponse, type SseResponseOptions } from '../../support/sse.js'
import { createTestDeps } from '../../support/test-deps.js'
import { loadTimeBombQuestion } from '../interview/fixtures/load-question.js'
import { createHttpBrowser, openSocket, startServer } from './support/ws-harness.js'
import { streamedText } from '../../support/streamed-text.js'

const question = loadTimeBombQuestion()
let prompts: PromptLibrary
beforeAll(async () => {
  prompts = await loadPromptLibrary()
})
let stops: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(stops.map((stop) => stop()))
  stops = []
})

// The model server, at the HTTP boundary of the real OpenAI client. Loopback requests (the test's
// own HTTP and WebSocket clients) pass through; anything else unhandled fails the test.
const llmServer = setupServer()
beforeAll(() =>
  llmServer.listen({
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== '127.0.0.1') print.error()
    },
  }),
)
afterEach(() => llmServer.resetHandlers())
afterAll(() => llmServer.close())

async function setup(steps: ScriptedStep[]) {
  const llm = new ScriptedLlmClient(steps, 'gpt-scripted')
  const bank = new QuestionBank([question])
  const interview = createInterviewRuntime({
    questions: bank.questions,
    analyzer: createTextAnalyzer(),
    llm: { client: llm, prompts },
  })
  const deps = createTestDeps({ bank, interview })
  const server = await startServer(deps)
  stops.push(server.stop)
  const browser = createHttpBrowser(server.port)
  const id = await browser.startSession({ questionId: question.id, mode: 'mock' })
  const socket = await openSocket(server.port, `/api/sessions/${id}/stream`, browser.cookie())
  return { llm, deps, server, browser, id, socket }
}

async function until(check: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25))
  expect(await check()).toBe(true)
}

describe('the stream with an LLM interviewer', () => {
  it('says which provider runs', async () => {
    const { socket } = await setup([])
    const state = await socket.waitFor('session-state')
    expect(state.provider).toEqual({ provider: 'openai', model: 'gpt-scripted' })
  })

  it('streams a repeated question, then sends a turn-revise without it; the stored turn never holds it', async () => {
    const asked = 'How would you know the rollback worked?'
    const { socket, deps, id, server, browser } = await setup([
      { chunks: ['Fair. ', asked, '\nNOTES: first.'] },
      { chunks: ['Thanks. ', 'How would you know ', 'the rollback worked?', ' And the cost?'] },
    ])
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
    socket.send({ type: 'answer', clientId: 'a1', text: 'I would start with a monolith.' })
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'follow-up')
    const from = socket.messages.length
    socket.send({ type: 'answer', clientId: 'a2', text: 'Roll back behind a flag.' })
    const end = await socket.waitFor('turn-end', (m) => m.turn.kind === 'follow-up', from)
    const frames = socket.messages.slice(from)
    const revise = frames.find((m) => m.type === 'turn-revise' && m.turnId === end.turn.id)
    expect(revise).toMatchObject({ type: 'turn-revise', text: expect.stringMatching(/^Thanks\. /) })
    expect(revise).not.toMatchObject({ text: expect.stringContaining('rollback') })
    // Shown as it streamed (as far as the leak guard let it go), before the revision took it back.
    expect(streamedText(frames.slice(0, frames.indexOf(revise!)), end.turn.id)).toContain(
      'Thanks. How would you know',
    )
    expect(end.turn.text.replace(/\s+/g, ' ')).toBe('Thanks. And the cost?')
    expect(streamedText(frames, end.turn.id)).toBe(end.turn.text)
    const stored = (await deps.store.getSession(id))!.turns.find((t) => t.id === end.turn.id)!
    expect(stored.text).toBe(end.turn.text)

    // A socket resuming from before the turn gets the revision replayed in order.
    const resumed = await openSocket(
      server.port,
      `/api/sessions/${id}/stream?afterSeq=${frames[0]!.seq - 1}`,
      browser.cookie(),
    )
    const replayedEnd = await resumed.waitFor('turn-end', (m) => m.turn.id === end.turn.id)
    expect(streamedText(resumed.messages, end.turn.id)).toBe(replayedEnd.turn.text)
    expect(resumed.messages.some((m) => m.type === 'turn-revise')).toBe(true)
    resumed.close()
  })

  it('aborts the LLM request when the only socket closes mid-stream', async () => {
    const { llm, socket, deps, id } = await setup([
      { chunks: Array.from({ length: 5_000 }, (_, i) => `word${i} `) },
    ])
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
    socket.send({ type: 'answer', clientId: 'a1', text: 'I would start with a monolith.' })
    await socket.waitFor('token-delta', (m) => m.text.length > 0)
    socket.close()
    await until(() => llm.calls[0]?.request.signal?.aborted === true)
    // The turn is not left hanging: it is stored completed with what was streamed.
    await until(async () => (await deps.store.getSession(id))!.turns.at(-1)!.completedAt !== null)
    const turn = (await deps.store.getSession(id))!.turns.at(-1)!
    expect(turn.hiddenNotes).toContain('Interrupted')
    expect(turn.text.split(' ').length).toBeLessThan(5_000)
  })

  it('keeps streaming for the other sockets when one of two closes', async () => {
    const { llm, socket, server, browser, id } = await setup([
      { chunks: Array.from({ length: 300 }, (_, i) => `w${i}. `) },
    ])
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
    const other = await openSocket(server.port, `/api/sessions/${id}/stream`, browser.cookie())
    socket.send({ type: 'answer', clientId: 'a1', text: 'I would start with a monolith.' })
    await socket.waitFor('token-delta')
    socket.close()
    const end = await other.waitFor('turn-end', (m) => m.turn.kind === 'follow-up')
    expect(llm.calls[0]!.request.signal!.aborted).toBe(false)
    expect(end.turn.text).toContain('w299.')
  })

  it('turns a provider failure into a notice and a finished turn', async () => {
    const { socket } = await setup([
      { chunks: ['Fair. '], error: new LlmError('server_error', 'upstream 500', true) },
    ])
    await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
    socket.send({ type: 'answer', clientId: 'a1', text: 'I would start with a monolith.' })
    const notice = await socket.waitFor('notice')
    expect(notice).toMatchObject({ level: 'warning', code: 'provider:server_error' })
    const end = await socket.waitFor('turn-end', (m) => m.turn.kind === 'follow-up')
    // What the guards had released before the failure, then the offline engine's follow-up.
    expect(streamedText(socket.messages, end.turn.id)).toBe(end.turn.text)
    expect(end.turn.text).toMatch(/\?$|\.$/)
    expect(end.turn.provider).toBe('offline')
    expect(end.turn.target).toMatch(/^step:\d$/)
  })
})

const LLM_URL = 'http://llm.test/v1'
const ECHOED_KEY = 'team-gw-7f3a9c21e8b44d05'

type Reply =
  | { fixture: string; options?: SseResponseOptions }
  | { status: number; body: string }
  /** Headers, then not a byte. */
  | { silent: true }

/** Serves the replies in order to the interviewer's (and grader's) requests, the last one again. */
function serveReplies(replies: Reply[]): () => number {
  let calls = 0
  llmServer.use(
    http.post(`${LLM_URL}/chat/completions`, () => {
      const reply = replies[Math.min(calls++, replies.length - 1)]!
      if ('silent' in reply) return sseResponse('', { ending: 'hang' })
      if ('status' in reply) {
        return new HttpResponse(reply.body, {
          status: reply.status,
          headers: { 'content-type': 'application/json' },
        })
      }
      return sseResponse(readSseFixture(reply.fixture), reply.options)
    }),
  )
  return () => calls
}

/** A session whose interviewer (and grader) is the real OpenAI client against `replies`. */
async function setupOpenAi(replies: Reply[], options: { grader?: boolean } = {}) {
  const requests = serveReplies(replies)
  const client = (model: string) =>
    new OpenAiLlmClient({
      apiKey: ECHOED_KEY,
      baseURL: LLM_URL,
      model,
      timeoutMs: 10_000,
      maxRetries: 0,
      idleTimeoutMs: 400,
    })
  const bank = new QuestionBank([question])
  const interview = createInterviewRuntime({
    questions: bank.questions,
    analyzer: createTextAnalyzer(),
    llm: { client: client('gpt-4o-mini'), prompts, slowNoticeMs: 150 },
  })
  const llmGrader = options.grader
    ? createLlmTranscriptGrader({ llm: client('grader'), prompts, clock: () => new Date() })
    : undefined
  const deps = createTestDeps({ bank, interview, llmGrader })
  const server = await startServer(deps)
  stops.push(server.stop)
  const browser = createHttpBrowser(server.port)
  const id = await browser.startSession({ questionId: question.id, mode: 'mock' })
  const socket = await openSocket(server.port, `/api/sessions/${id}/stream`, browser.cookie())
  await socket.waitFor('turn-end', (m) => m.turn.kind === 'question')
  return { socket, deps, id, browser, requests }
}

/** Answers once and returns the interviewer's reply turn and every message sent meanwhile. */
async function answerOnce(socket: Awaited<ReturnType<typeof setupOpenAi>>['socket']) {
  const from = socket.messages.length
  socket.send({
    type: 'answer',
    clientId: 'a1',
    text: 'I would put a write-through cache in front.',
  })
  const end = await socket.waitFor('turn-end', (m) => m.turn.role === 'interviewer', from)
  const messages = socket.messages.slice(from)
  const streamed = streamedText(messages, end.turn.id)
  const notices = messages.filter(
    (m): m is Extract<ServerMessage, { type: 'notice' }> => m.type === 'notice',
  )
  return { end, streamed, notices, messages }
}

/** Nothing a model writes for itself may reach the candidate. */
const MARKUP = /<\/?(think|reasoning|tool_call)|\[TOOL_CALLS\]|"arguments"|tool_call/i

describe('the stream with the OpenAI client, replaying provider captures', () => {
  it('shows DeepSeek-R1 (Together) text without its inline reasoning', async () => {
    const { socket } = await setupOpenAi([
      { fixture: 'together-deepseek-r1-think', options: { chunkBytes: 9 } },
    ])
    const { end, streamed, notices } = await answerOnce(socket)
    expect(end.turn.text).toBe(
      'You chose a write-through cache. What is the longest a reader can see a stale balance, and what bounds it?',
    )
    expect(streamed).toBe(end.turn.text)
    expect(streamed).not.toMatch(/think|TTL|Okay|backstop/)
    expect(end.turn.provider).toBe('openai')
    expect(notices).toEqual([])
  })

  it.each([
    ['llamacpp-r1-distill-orphan-think', true],
    ['vllm-qwen3-orphan-think', false],
    ['llamacpp-gpt-oss-harmony', false],
  ])('ends %s with the reply alone, stored as the client has it', async (fixture, revised) => {
    const { socket } = await setupOpenAi([{ fixture, options: { chunkBytes: 11 } }])
    const { end, streamed, notices, messages } = await answerOnce(socket)
    expect(end.turn.text).toBe(
      'You chose a write-through cache. How stale can a read get after a failed write, and what bounds it?',
    )
    expect(streamed).toBe(end.turn.text)
    // Reasoning that read as a reply was shown, then revised away on the wire.
    const revisions = messages.filter((m) => m.type === 'turn-revise')
    expect(revisions.length > 0).toBe(revised)
    expect(end.turn.provider).toBe('openai')
    expect(notices).toEqual([])
  })

  it.each([
    'openai-parallel-tool-calls',
    'azure-tool-call-only',
    'vllm-tool-call-only',
    'groq-tool-call-only',
    'ollama-tool-call-text',
    'openai-refusal',
  ])('turns the text-less %s reply into a notice and an offline follow-up', async (fixture) => {
    const { socket, deps, id } = await setupOpenAi([{ fixture }])
    const { end, streamed, notices } = await answerOnce(socket)
    expect(notices.map((n) => n.code)).toEqual(['provider:empty_reply'])
    expect(notices[0]!.message).toMatch(/no text for you.*offline interviewer finished this turn/)
    expect(end.turn.provider).toBe('offline')
    expect(end.turn.kind).toBe('follow-up')
    expect(end.turn.text.trim().length).toBeGreaterThan(20)
    expect(streamed).toBe(end.turn.text)
    expect(streamed).not.toMatch(MARKUP)
    // One follow-up asked and counted, none of them empty.
    expect(end.progress.followUpsAsked).toBe(1)
    const stored = (await deps.store.getSession(id))!.turns.filter((t) => t.role === 'interviewer')
    expect(stored.every((t) => t.text.trim().length > 0)).toBe(true)
  })

  it('tells the candidate the model is slow, cuts the stall, keeps the text and falls back', async () => {
    const { socket } = await setupOpenAi([{ fixture: 'stall', options: { ending: 'hang' } }])
    const { end, streamed, notices } = await answerOnce(socket)
    expect(notices.map((n) => n.code)).toEqual(['provider:slow', 'provider:stalled'])
    expect(notices[0]).toMatchObject({ level: 'info', turnId: end.turn.id })
    expect(end.turn.text.startsWith('That covers the write path. Now, what happens')).toBe(true)
    expect(end.turn.text.length).toBeGreaterThan(
      'That covers the write path. Now, what happens'.length + 20,
    )
    expect(streamed).toBe(end.turn.text)
  })

  it('retries a stall before any text once, then falls back, with the slow notice first', async () => {
    const silent: Reply = { silent: true }
    const { socket, requests } = await setupOpenAi([silent, silent])
    const { end, notices } = await answerOnce(socket)
    expect(notices.map((n) => n.code)).toEqual(['provider:slow', 'provider:stalled'])
    expect(requests()).toBe(2)
    expect(end.turn.provider).toBe('offline')
    expect(end.turn.text.trim().length).toBeGreaterThan(20)
  })

  it('says the content filter stopped the reply, keeps its text and lets the offline interviewer finish', async () => {
    const { socket } = await setupOpenAi([{ fixture: 'azure-content-filter-stop' }])
    const { end, streamed, notices } = await answerOnce(socket)
    expect(notices.map((n) => n.code)).toEqual(['provider:content_filtered'])
    expect(notices[0]!.message).toMatch(/content filter stopped its reply/)
    expect(end.turn.text.startsWith('Suppose an attacker floods the')).toBe(true)
    expect(end.turn.text.length).toBeGreaterThan('Suppose an attacker floods the'.length + 20)
    expect(end.turn.provider).toBe('offline')
    expect(streamed).toBe(end.turn.text)
  })

  it('keeps the sentence the leak guard held when the stream is cut', async () => {
    const { socket } = await setupOpenAi([{ fixture: 'cut-after-held-sentence' }])
    const { end, streamed, notices } = await answerOnce(socket)
    expect(notices.map((n) => n.code)).toEqual(['provider:stream_error'])
    expect(end.turn.text.startsWith('You chose a write-through cache.')).toBe(true)
    expect(end.turn.provider).toBe('offline')
    expect(streamed).toBe(end.turn.text)
  })

  it('never relays the key a 401 echoes, to the interview or in grading progress', async () => {
    const body = readFileSync(
      new URL('../../fixtures/llm/auth-401-echoes-key.json', import.meta.url),
      'utf8',
    )
    const { socket, browser, id } = await setupOpenAi([{ status: 401, body }], { grader: true })
    const { end, notices } = await answerOnce(socket)
    expect(notices.map((n) => n.code)).toEqual(['provider:auth'])
    expect(end.turn.provider).toBe('offline')
    socket.send({ type: 'end' })
    await socket.waitFor('session-ended')
    const res = await browser.post(`/api/sessions/${id}/grade`, {})
    expect(res.status).toBeLessThan(300)
    await socket.waitFor('grade-progress', (m) => m.stage === 'done' || m.stage === 'failed')
    const progress = socket.messages.filter((m) => m.type === 'grade-progress')
    expect(progress.map((m) => (m.type === 'grade-progress' ? m.message : '')).join(' ')).toMatch(
      /The LLM grader failed \(The model server refused the API key \(401\): Invalid API key: \[redacted\]/,
    )
    expect(JSON.stringify(socket.messages)).not.toMatch(/7f3a9c21|Hx92kqPz/)
  })
})
