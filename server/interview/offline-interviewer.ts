import type { Question } from '../questions/question-schema.js'
import { splitSentences, type TextAnalyzer } from '../text/index.js'
import { clampLongWords } from './clamp-long-words.js'
import { findScenarioFacts } from './clarify-responder.js'
import type { CoverageItem, CoverageMap } from './coverage-map.js'
import { drillHint, judgeDrillAnswer, verdictLine } from './drill-coach.js'
import { resolveDrillFocus, type DrillFocus } from './drill-focus.js'
import { lastQuestion, readConversation, type ConversationMemory } from './conversation-memory.js'
import { composeProbe, type ComposedProbe } from './follow-up-composer.js'
import { fillTemplate, PUSHBACK_TEMPLATES } from './follow-up-templates.js'
import { lastTarget, pickGap, pressingGap } from './gap-picker.js'
import { isInjectionAttempt } from './injection-detector.js'
import type {
  InterviewContext,
  InterviewerEngine,
  InterviewerTurnMeta,
  InterviewerTurnStream,
} from './interviewer-engine.js'
import { INTERVIEWER_LINES as LINES } from './interviewer-lines.js'
import { applyCuts, createLeakGuard } from './leak-guard.js'
import { isNearRepeat } from './question-similarity.js'
import {
  answersSoFar,
  composeFreshQuestion,
  questionLabels,
  wrapUpsUsed,
} from './fresh-question.js'
import { listedTerms } from './reply-substance.js'
import { hashSeed, pickSeeded } from './seeded-choice.js'
import type { Probe } from '../sessions/session-schema.js'

export const OFFLINE_PROVIDER = 'offline'
export const OFFLINE_MODEL = 'sparring-offline-1'

export type OfflineInterviewerDeps = {
  analyzer: TextAnalyzer
  /** The coverage score at which a step counts as fully covered (the coverage map's `full`). */
  fullAt: number
}

type Composed = Pick<InterviewerTurnMeta, 'kind' | 'target' | 'hiddenNotes'> & {
  text: string
  /** What the turn asked, stored with it so the interviewer remembers; null when it asked nothing. */
  probe: Probe | null
}

/** A keyword list is pushed back on at most this many times a session; then the gaps lead. */
const MAX_PUSHBACKS = 2

/**
 * The offline interviewer: deterministic, no network. It remembers the conversation (what it
 * asked, what it quoted, how each question was answered), picks the next gap through the
 * framework and asks one question about it from templates per step kind, never the same one
 * twice; pushes back on a bare keyword list; answers clarifying questions with the scenario's
 * fact or asks for an assumption; redirects attempts to derail it; in drills, judges each answer
 * on the focus and hints. Its turns pass through the same leak guard as the LLM's.
 */
export function createOfflineInterviewer(deps: OfflineInterviewerDeps): InterviewerEngine {
  return {
    provider: OFFLINE_PROVIDER,
    model: OFFLINE_MODEL,
    // The signal is not consulted: there is no request to cancel, and finishing the turn costs
    // microseconds, so a candidate who reconnects finds a whole question rather than half of one.
    nextTurn: (context) => streamComposed(composeTurn(context, deps), context),
  }
}

/** Writes the whole turn; exported for tests that inspect one turn without streaming. */
export function composeTurn(ctx: InterviewContext, deps: OfflineInterviewerDeps): Composed {
  const seed = `${ctx.session.id}:${ctx.turns.length}`
  const pick = (lines: readonly string[], salt: string) => pickSeeded(lines, `${seed}:${salt}`)
  const trigger = ctx.trigger
  switch (trigger.type) {
    case 'opening':
      return ctx.session.mode === 'drill'
        ? drillOpening(ctx, deps, pick)
        : mockOpening(ctx.question, pick)
    case 'closing':
      return {
        kind: 'closing',
        target: null,
        text: `${pick(LINES.closing[trigger.reason], 'close')} ${pick(LINES.closingTail, 'tail')}`,
        hiddenNotes: `Ended (${trigger.reason}). Coverage at close: ${summarise(ctx.coverage.map)}`,
        probe: null,
      }
    case 'clarify':
      if (isInjectionAttempt(trigger.turn.text)) return redirect(ctx, pick)
      return clarify(ctx.question, clampLongWords(trigger.turn.text), deps.analyzer, pick)
    case 'skip':
      if (ctx.session.mode === 'drill') {
        return drillProbe(ctx, deps, seed, `${pick(LINES.skip, 'skip')} `)
      }
      return followUp(ctx, deps, pick, `${pick(LINES.skip, 'skip')} `)
    case 'answer':
      if (isInjectionAttempt(trigger.turn.text)) return redirect(ctx, pick)
      return ctx.session.mode === 'drill'
        ? drillTurn(ctx, deps, seed)
        : followUp(ctx, deps, pick, pick(LINES.leadIn, 'lead'))
  }
}

type PickLine = (lines: readonly string[], salt: string) => string

function mockOpening(q: Question, pick: PickLine): Composed {
  // The seed's scenarios already list their requirements; repeat only those the scenario lacks.
  const requirements = q.requirements
    .filter((r) => !q.scenario.includes(r))
    .map((r, i) => `${i + 1}. ${r}`)
    .join('\n')
  const parts = [pick(LINES.greeting, 'greet'), `"${q.prompt}"`, q.scenario.trim()]
  if (requirements) parts.push(requirements)
  parts.push(pick(LINES.invitation, 'invite'))
  return {
    kind: 'question',
    target: null,
    hiddenNotes: null,
    text: parts.join('\n\n'),
    probe: null,
  }
}

function drillOpening(
  ctx: InterviewContext,
  deps: OfflineInterviewerDeps,
  pick: PickLine,
): Composed {
  const focus = resolveDrillFocus(ctx.question, ctx.session.focus)
  // A sentence that only introduces a list ("Requirements:") says nothing without the list.
  const setup = splitSentences(ctx.question.scenario)
    .filter((s) => !s.text.trim().endsWith(':'))
    .slice(0, 2)
    .map((s) => s.text)
    .join(' ')
  const probe = probeDrillFocus(ctx, deps, focus, null, `${ctx.session.id}:open`)
  const intro = pick(LINES.drillIntro, 'drill').replace('{focus}', focus.label.toLowerCase())
  return {
    kind: 'question',
    target: focus.target,
    hiddenNotes: `Drill on ${focus.target} (${focus.label}).`,
    text: `${intro}\n\nThe setup: ${setup}\n\n${probe.text}`,
    probe: toProbe(focus.target, probe),
  }
}

function followUp(
  ctx: InterviewContext,
  deps: OfflineInterviewerDeps,
  pick: PickLine,
  lead: string,
): Composed {
  const memory = readConversation(ctx.turns)
  const answer = latestAnswerText(ctx)
  const terms = answer ? listedTerms(answer) : null
  if (terms && countPushbacks(ctx) < MAX_PUSHBACKS) {
    const pushback = pushBack(ctx, memory, terms)
    if (pushback) return pushback
  }
  const skipped = ctx.trigger.type === 'skip' ? lastTarget(ctx.turns) : null
  const gap = pickGap({
    question: ctx.question,
    coverage: ctx.coverage.map,
    turns: ctx.turns,
    exclude: skipped ? [skipped] : [],
    fullAt: deps.fullAt,
    memory,
    topics: ctx.answerTopics,
  })
  if (!gap) return wrapUp(ctx, memory, lead)
  const probe = composeProbe({
    kind: gap.kind,
    label: gap.label,
    coverage: gap.coverage,
    memory,
    labelStems: questionLabels(ctx.question),
    answers: answersSoFar(ctx.turns),
    seed: `${ctx.session.id}:${ctx.turns.length}:${gap.target}`,
  })
  return {
    kind: 'follow-up',
    target: gap.target,
    text: `${lead}${probe.text}`,
    probe: toProbe(gap.target, probe),
    hiddenNotes:
      `Probing ${gap.target} (${gap.label}): ${gap.coverage.level}, score ${gap.coverage.score}.` +
      (skipped ? ` Candidate skipped ${skipped}.` : '') +
      ` Coverage: ${summarise(ctx.coverage.map)}`,
  }
}

/**
 * "You listed X, Y and Z: pick the one you would do first and walk me through it." Aimed at what
 * the list answered (the pending question's target), else at the next gap's. Null when every
 * pushback line was used.
 */
function pushBack(
  ctx: InterviewContext,
  memory: ConversationMemory,
  terms: string[],
): Composed | null {
  const target = memory.pending?.target ?? lastTarget(ctx.turns)
  const named = formatTerms(terms)
  const start = hashSeed(`${ctx.session.id}:${ctx.turns.length}:pushback`)
  for (let i = 0; i < PUSHBACK_TEMPLATES.length; i++) {
    const template = PUSHBACK_TEMPLATES[(start + i) % PUSHBACK_TEMPLATES.length]!
    const text = fillTemplate(template, { terms: named }).replace(/^./, (c) => c.toUpperCase())
    if (isNearRepeat(text, memory.questions, new Set())) continue
    return {
      kind: 'follow-up',
      target,
      text,
      probe: { target, question: text, quote: null, move: 'pushback' },
      hiddenNotes: `Keyword list without reasoning (${terms.length} terms); pushed back.`,
    }
  }
  return null
}

/** "a, b and c"; past four terms, the first three "and the rest". */
function formatTerms(terms: readonly string[]): string {
  const clean = terms.map((t) => t.replace(/["“”]/g, '').trim())
  if (clean.length > 4) return `${clean.slice(0, 3).join(', ')} and the rest`
  return `${clean.slice(0, -1).join(', ')} and ${clean.at(-1)}`
}

function countPushbacks(ctx: InterviewContext): number {
  return ctx.turns.filter((t) => t.role === 'interviewer' && t.probe?.move === 'pushback').length
}

/**
 * Everything is covered: one question that aims at no step, each asked once. When every one was
 * asked (a candidate who covered the whole framework early and keeps answering), a question
 * pressing on the item the candidate said least about, rather than a wrap-up word for word again.
 */
function wrapUp(ctx: InterviewContext, memory: ConversationMemory, lead: string): Composed {
  const press = wrapUpsUsed(memory.questions) ? pressFurther(ctx, memory, lead) : null
  if (press) return press
  const { question } = composeFreshQuestion({
    question: ctx.question,
    turns: ctx.turns,
    memory,
    target: null,
    seed: ctx.session.id,
  })
  return {
    kind: 'follow-up',
    target: null,
    text: `${lead}${question}`,
    probe: { target: null, question, quote: null, move: 'open' },
    hiddenNotes: `Every step and criterion covered; wrap-up question. Coverage: ${summarise(ctx.coverage.map)}`,
  }
}

/** A fresh question on what `pressingGap` picks; null when there is nothing to press on. */
function pressFurther(
  ctx: InterviewContext,
  memory: ConversationMemory,
  lead: string,
): Composed | null {
  const gap = pressingGap({
    question: ctx.question,
    coverage: ctx.coverage.map,
    turns: ctx.turns,
    memory,
  })
  if (!gap) return null
  const probe = composeFreshQuestion({
    question: ctx.question,
    turns: ctx.turns,
    memory,
    target: { kind: gap.kind, label: gap.label, coverage: gap.coverage },
    seed: `${ctx.session.id}:${ctx.turns.length}:${gap.target}`,
  })
  return {
    kind: 'follow-up',
    target: gap.target,
    text: `${lead}${probe.text}`,
    probe: toProbe(gap.target, probe),
    hiddenNotes: `Every step and criterion covered and every wrap-up asked; pressing on ${gap.target}.`,
  }
}

function drillTurn(ctx: InterviewContext, deps: OfflineInterviewerDeps, seed: string): Composed {
  const focus = resolveDrillFocus(ctx.question, ctx.session.focus)
  const item = ctx.latest?.focus ?? null
  const verdict = judgeDrillAnswer(item)
  const answer = clampLongWords(latestAnswerText(ctx) ?? '')
  const hint = drillHint({ focus, verdict, answer, analyzer: deps.analyzer, seed: `${seed}:hint` })
  const probe = probeDrillFocus(ctx, deps, focus, item, seed)
  return {
    kind: 'verdict',
    target: focus.target,
    text: `${verdictLine(verdict, focus, item)}\n${hint}\n\n${probe.text}`,
    probe: toProbe(focus.target, probe),
    hiddenNotes: `Drill verdict on ${focus.target}: ${verdict} (score ${item?.score ?? 0}).`,
  }
}

function drillProbe(
  ctx: InterviewContext,
  deps: OfflineInterviewerDeps,
  seed: string,
  lead: string,
): Composed {
  const focus = resolveDrillFocus(ctx.question, ctx.session.focus)
  const probe = probeDrillFocus(ctx, deps, focus, null, seed)
  return {
    kind: 'follow-up',
    target: focus.target,
    text: `${lead}${probe.text}`,
    probe: toProbe(focus.target, probe),
    hiddenNotes: `Drill: candidate skipped a question on ${focus.target}.`,
  }
}

/** The next question on the drill focus, never one asked before in the drill. */
function probeDrillFocus(
  ctx: InterviewContext,
  deps: OfflineInterviewerDeps,
  focus: DrillFocus,
  coverage: CoverageItem | null,
  seed: string,
): ComposedProbe {
  void deps
  return composeProbe({
    kind: focus.kind,
    label: focus.label,
    coverage,
    memory: readConversation(ctx.turns),
    labelStems: questionLabels(ctx.question),
    answers: answersSoFar(ctx.turns),
    seed: `${seed}:probe`,
    move: 'drill',
  })
}

function toProbe(target: string | null, probe: ComposedProbe): Probe {
  return { target, question: probe.question, quote: probe.quote, move: probe.move }
}

function clarify(q: Question, asked: string, analyzer: TextAnalyzer, pick: PickLine): Composed {
  const facts = findScenarioFacts(q, asked, analyzer)
  const text =
    facts.length > 0
      ? `${pick(LINES.clarifyFound, 'found')} "${facts.join(' ')}" ${pick(LINES.clarifyTail, 'tail')}`
      : pick(LINES.clarifyAssume, 'assume')
  return {
    kind: 'clarification',
    target: null,
    text,
    probe: null,
    hiddenNotes:
      facts.length > 0
        ? 'Answered from the scenario.'
        : 'Not in the scenario: candidate to assume.',
  }
}

/** Stays in role and repeats the pending question, word for word: the attempt earns nothing. */
function redirect(ctx: InterviewContext, pick: PickLine): Composed {
  const pending = readConversation(ctx.turns).pending
  const previous = [...ctx.turns]
    .reverse()
    .find((t) => t.role === 'interviewer' && t.kind !== 'clarification' && t.kind !== 'redirect')
  const question = pending?.question || (previous ? lastQuestion(previous.text) : '')
  const back = question ? ` ${pick(LINES.redirectBack, 'back')} ${question}` : ''
  return {
    kind: 'redirect',
    target: pending?.target ?? lastTarget(ctx.turns),
    text: `${pick(LINES.redirect, 'redirect')}${back}`,
    probe: pending,
    hiddenNotes: 'The candidate tried to get the answer or change the instructions; redirected.',
  }
}

function latestAnswerText(ctx: InterviewContext): string | null {
  const t = ctx.trigger
  return t.type === 'answer' ? t.turn.text : null
}

function summarise(map: CoverageMap): string {
  return map.steps.map((s) => `${s.id} ${s.level}`).join(', ')
}

/**
 * Streams the composed text through the leak guard, a sentence at a time. The text is all written
 * at once, so it is guarded whole before its first sentence goes: the frame of a copy the guard
 * dropped (a lead-in, an opened code block: its `cuts`) is taken out before the candidate sees
 * it, with no revision.
 */
async function* streamComposed(composed: Composed, ctx: InterviewContext): InterviewerTurnStream {
  const guard = createLeakGuard(ctx.question.modelAnswer)
  let released = ''
  for (const part of sentences(composed.text)) released += guard.push(part)
  released += guard.flush()
  for (const part of sentences(applyCuts(released, guard.cuts))) yield part
  return {
    kind: composed.kind,
    target: composed.target,
    hiddenNotes: composed.hiddenNotes,
    usage: null,
    provider: OFFLINE_PROVIDER,
    model: OFFLINE_MODEL,
    leaksCaught: guard.leaks,
    probe: composed.probe,
  }
}

/**
 * The composed text a sentence (or line) at a time. It is all written at once, so the candidate
 * sees no difference from a word at a time, but every piece is a frame that each session logs
 * for resume (an opening presents the whole scenario: a word a frame was ~90 frames, ~10 KB).
 */
function sentences(text: string): string[] {
  return (text.match(/[^]*?(?:[.!?…]+["'”’)\]]*\s+|\n+|$)/g) ?? []).filter((part) => part !== '')
}
