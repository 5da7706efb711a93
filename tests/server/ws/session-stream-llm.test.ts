import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createInterviewRuntime } from '../../../server/interview/interview-runtime.js'
import { LlmError } from '../../../server/llm/llm-client.js'
import { loadPromptLibrary, type PromptLibrary } from '../../../server/prompts/prompt-library.js'
import { QuestionBank } from '../../../server/questions/question-bank.js'
import { createTextAnalyzer } from '../../../server/text/index.js'
import { ScriptedLlmClient, type ScriptedStep } from '../../support/scripted-llm-client.js'
import { createTestDeps } from '../../support/test-deps.js'
import { loadTimeBombQuestion } from '../interview/fixtures/load-question.js'
import { createHttpBrowser, openSocket, startServer } from './support/ws-harness.js'

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
    const streamed = socket.messages
      .filter((m) => m.type === 'token-delta' && m.turnId === end.turn.id)
      .map((m) => (m.type === 'token-delta' ? m.text : ''))
      .join('')
    expect(streamed).toBe(end.turn.text)
    expect(end.turn.text).toMatch(/\?$|\.$/)
    expect(end.turn.provider).toBe('offline')
    expect(end.turn.target).toMatch(/^step:\d$/)
  })
})
