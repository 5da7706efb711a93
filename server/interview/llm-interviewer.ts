import { LlmError, type LlmClient } from '../llm/llm-client.js'
import { streamText } from '../llm/stream-text.js'
import { splitInterviewerStream } from '../prompts/interviewer-notes.js'
import type { PromptLibrary } from '../prompts/prompt-library.js'
import { describeFocus } from '../prompts/question-sections.js'
import { lastQuestion } from './conversation-memory.js'
import { pickGap } from './gap-picker.js'
import type {
  InterviewContext,
  InterviewerEngine,
  InterviewerTurnStream,
} from './interviewer-engine.js'
import { createLeakGuard, guardStream } from './leak-guard.js'
import { buildInterviewerMessages } from './llm-interviewer-prompts.js'

export type LlmInterviewerDeps = {
  llm: LlmClient
  prompts: PromptLibrary
  fullAt: number
  /**
   * Writes the opening, clarification and closing turns: presenting the scenario verbatim,
   * quoting the scenario's fact that answers a clarifying question (or asking the candidate to
   * state an assumption) and saying goodbye need no model, cost no tokens and cannot misstate
   * the facts.
   */
  scripted: InterviewerEngine
  /** Silence after which the candidate is told the model is slow; 4 s by default. */
  slowNoticeMs?: number
}

/** A few seconds without a word is when a candidate starts to wonder whether anything happens. */
export const DEFAULT_SLOW_NOTICE_MS = 4000

/**
 * The LLM-backed interviewer. The prompt carries the question, scenario, framework, model answer
 * and rubric, the coverage map and the gap to probe (chosen by the same picker as the offline
 * engine, so the target stored on the turn is the one the model was asked about); the
 * candidate's words go inside delimiters. The `NOTES:` tail becomes the hidden notes, and every
 * visible sentence passes the leak guard before it is yielded.
 *
 * When the stream fails, what the filters hold (the guard's last sentence) is checked and
 * yielded before the error is rethrown, so the turn runner keeps it. A reply with nothing for
 * the candidate (tool calls only, only notes, all reasoning) is a failure too, never an empty
 * follow-up.
 */
export function createLlmInterviewer(deps: LlmInterviewerDeps): InterviewerEngine {
  return {
    provider: deps.llm.provider,
    model: deps.llm.model,
    slowNoticeMs: deps.slowNoticeMs ?? DEFAULT_SLOW_NOTICE_MS,
    nextTurn(context, signal) {
      const t = context.trigger.type
      if (t === 'opening' || t === 'closing' || t === 'clarify') {
        return deps.scripted.nextTurn(context, signal)
      }
      return streamLlmTurn(deps, context, signal)
    },
  }
}

async function* streamLlmTurn(
  deps: LlmInterviewerDeps,
  ctx: InterviewContext,
  signal: AbortSignal,
): InterviewerTurnStream {
  const { target, label } = chooseTarget(deps, ctx)
  const messages = buildInterviewerMessages({
    prompts: deps.prompts,
    question: ctx.question,
    transcript: ctx.turns,
    coverage: ctx.coverage.map,
    targetLabel: label,
    mode: ctx.session.mode,
    focus: ctx.session.focus,
  })
  const streamed = streamText(deps.llm, { messages, signal }, { endOnError: true })
  const split = splitInterviewerStream(streamed.deltas)
  // A copy that runs on past the model answer into the prompt around it is dropped with it.
  const system = messages.find((m) => m.role === 'system')?.content
  const guard = createLeakGuard(ctx.question.modelAnswer, system ? { context: system } : {})
  const guarded = guardStream(split.visible, guard)
  let shown = ''
  let step = await guarded.next()
  while (!step.done) {
    shown += step.value
    yield step.value
    step = await guarded.next()
  }
  if (streamed.failure !== null) throw streamed.failure
  if (!/\S/.test(shown)) {
    throw new LlmError('empty_reply', 'The model wrote nothing for the candidate to read', false)
  }
  return {
    kind: ctx.session.mode === 'drill' ? 'verdict' : 'follow-up',
    target,
    hiddenNotes: split.notes,
    usage: streamed.result?.usage ?? null,
    provider: deps.llm.provider,
    model: streamed.result?.model ?? deps.llm.model,
    leaksCaught: step.value.leaks,
    // What the model asked, kept so the interviewer remembers it (never asked again).
    probe: { target, question: lastQuestion(shown), quote: null, move: 'llm' },
  }
}

/** What the turn probes: the drill focus or the most important gap. */
function chooseTarget(
  deps: LlmInterviewerDeps,
  ctx: InterviewContext,
): { target: string | null; label: string } {
  if (ctx.session.mode === 'drill') {
    return {
      target: ctx.coverage.focus?.id ?? ctx.session.focus,
      label: describeFocus(ctx.question, ctx.session.focus),
    }
  }
  const gap = pickGap({
    question: ctx.question,
    coverage: ctx.coverage.map,
    turns: ctx.turns,
    fullAt: deps.fullAt,
    topics: ctx.answerTopics,
  })
  if (!gap) return { target: null, label: 'none: every step is covered; ask one wrap-up question' }
  const [type, n] = gap.target.split(':')
  const kind = type === 'step' ? 'framework step' : 'rubric criterion'
  return { target: gap.target, label: `${kind} ${n}, ${gap.label} (${gap.coverage.level} so far)` }
}
