import { beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_COVERAGE_TUNING } from '../../../server/interview/coverage-map.js'
import { createLlmInterviewer } from '../../../server/interview/llm-interviewer.js'
import { isNearRepeat } from '../../../server/interview/question-similarity.js'
import { questionLabels } from '../../../server/interview/fresh-question.js'
import { WRAP_UP_QUESTIONS } from '../../../server/interview/follow-up-templates.js'
import { loadPromptLibrary, type PromptLibrary } from '../../../server/prompts/prompt-library.js'
import { ScriptedLlmClient, type ScriptedStep } from '../../support/scripted-llm-client.js'
import { createEngineHarness } from './fixtures/interview-context.js'
import { loadFixtureQuestion, loadTimeBombQuestion } from './fixtures/load-question.js'
import { drainTurn } from './fixtures/drain-turn.js'
import { pushWording } from './fixtures/llm-turn-after-answer.js'

const question = loadTimeBombQuestion()
let prompts: PromptLibrary
beforeAll(async () => {
  prompts = await loadPromptLibrary()
})

const [first, second] = question.framework.steps
const wording = pushWording

/** A session where the interviewer already asked `wording(first)`, then the model's next turn. */
async function nextTurn(step: ScriptedStep) {
  const h = createEngineHarness(question, {})
  const engine = createLlmInterviewer({
    llm: new ScriptedLlmClient([step]),
    prompts,
    fullAt: DEFAULT_COVERAGE_TUNING.full,
    scripted: h.engine,
  })
  h.add('candidate', 'answer', 'I would start with a monolith and measure it.')
  h.add('interviewer', 'follow-up', `Thanks. ${wording(first!.name)}`, `step:${first!.number}`)
  const answer = h.add('candidate', 'answer', 'Fifty million users, peaks of 20k a second.')
  const stream = engine.nextTurn(
    h.context({ type: 'answer', turn: answer }),
    new AbortController().signal,
  )
  return drainTurn(stream)
}

/**
 * Models reuse their own wording for the next step though the prompt lists the questions asked.
 * The LLM interviewer drops such a question before the candidate reads it and, when that leaves
 * the turn without one, asks a fresh question on the same target from the offline templates.
 */
describe('LLM interviewer: a question the session already asked', () => {
  it('is replaced by a fresh question on the same target, and remembered as asked', async () => {
    const { text, meta } = await nextTurn({
      chunks: [`Thanks. ${wording(second!.name)}`, '\nNOTES: probing the next step.'],
    })
    expect(text.startsWith('Thanks. ')).toBe(true)
    expect(text).not.toContain('what would you do there first')
    expect(text.trim().endsWith('?')).toBe(true)
    const asked = meta.probe!.question
    expect(text).toContain(asked)
    expect(isNearRepeat(asked, [wording(first!.name)], questionLabels(question))).toBe(false)
    expect(meta.probe!.target).toBe(meta.target)
    expect(meta.hiddenNotes).toContain('Dropped a repeated question')
  })

  it('keeps a question of its own words as the model wrote it', async () => {
    const own = 'Fair. How would you find out whether fan-out is your bottleneck?'
    const { text, meta } = await nextTurn({ chunks: [own, '\nNOTES: fine.'] })
    expect(text).toBe(own)
    expect(meta.probe).toMatchObject({
      question: 'How would you find out whether fan-out is your bottleneck?',
      move: 'llm',
    })
  })
})

/**
 * A session whose answers covered every step and criterion in full (criterion 2 the least
 * strongly) and that asked every wrap-up question; the LLM interviewer's turn after one more answer.
 */
async function pressingTurn() {
  const h = createEngineHarness(question, {})
  const llm = new ScriptedLlmClient([{ chunks: [`Thanks. ${WRAP_UP_QUESTIONS[0]}`] }])
  const engine = createLlmInterviewer({
    llm,
    prompts,
    fullAt: DEFAULT_COVERAGE_TUNING.full,
    scripted: h.engine,
  })
  for (const wrapUp of WRAP_UP_QUESTIONS) {
    h.add('candidate', 'answer', 'I covered that in my plan, step by step, with numbers.')
    h.add('interviewer', 'follow-up', wrapUp, null).probe = {
      target: null,
      question: wrapUp,
      quote: null,
      move: 'open',
    }
  }
  const answer = h.add('candidate', 'answer', 'And the rollback is one flag away.')
  const ctx = h.context({ type: 'answer', turn: answer })
  const items = [...ctx.coverage.map.steps, ...ctx.coverage.map.criteria]
  for (const item of items) Object.assign(item, { level: 'full', score: 0.9 })
  Object.assign(ctx.coverage.map.criteria[1]!, { score: 0.5 })
  const { meta } = await drainTurn(engine.nextTurn(ctx, new AbortController().signal))
  const call = llm.calls[0]!
  const prompt = call.method === 'streamChat' ? call.request.messages.at(-1)!.content : ''
  return { meta, prompt }
}

describe('LLM interviewer: nothing left to ask', () => {
  it('presses on the least-covered item once every wrap-up was asked, not a wrap-up again', async () => {
    const { meta } = await pressingTurn()
    expect(meta.target).toBe('criterion:2')
    expect(isNearRepeat(meta.probe!.question, [...WRAP_UP_QUESTIONS])).toBe(false)
  })

  it('tells the model the pressed item is covered and wants depth, not that it is a gap', async () => {
    // Before, the label read "rubric criterion 2, ... (full so far)" under "the most important
    // gap to probe next": a covered item given as a gap, which invites asking it again.
    const { prompt } = await pressingTurn()
    const target = prompt.split('\n').find((l) => l.startsWith('The most important gap'))!
    expect(target).toContain('none: no gap is left and every wrap-up question was asked')
    expect(target).toContain(
      `press for depth on rubric criterion 2, ${question.rubric[1]!.name}, which the candidate has covered`,
    )
    expect(target).not.toContain('so far')
  })

  it('asks the model for the fix when the framework stops at the diagnosis', async () => {
    // The performance mystery's steps find the cause and verify it; nothing in them fixes it.
    const mystery = loadFixtureQuestion('the-production-performance-mystery')
    const h = createEngineHarness(mystery, {})
    const llm = new ScriptedLlmClient([{ chunks: ['Thanks. What would you change first?'] }])
    const engine = createLlmInterviewer({
      llm,
      prompts,
      fullAt: DEFAULT_COVERAGE_TUNING.full,
      scripted: h.engine,
    })
    const answer = h.add('candidate', 'answer', 'The pool is saturated: pg_stat_activity says so.')
    const ctx = h.context({ type: 'answer', turn: answer })
    for (const item of [...ctx.coverage.map.steps, ...ctx.coverage.map.criteria]) {
      Object.assign(item, { level: 'full', score: 0.9 })
    }
    const { meta } = await drainTurn(engine.nextTurn(ctx, new AbortController().signal))
    const call = llm.calls[0]!
    const prompt = call.method === 'streamChat' ? call.request.messages.at(-1)!.content : ''
    const target = prompt.split('\n').find((l) => l.startsWith('The most important gap'))!
    expect(target).toContain('the framework stops at the diagnosis; ask how they would fix')
    expect(meta.target).toBeNull()
  })
})
