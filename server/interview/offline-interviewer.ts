import type { Question } from '../questions/question-schema.js'
import { splitSentences, type TextAnalyzer } from '../text/index.js'
import { clampLongWords } from './clamp-long-words.js'
import { findScenarioFacts } from './clarify-responder.js'
import type { CoverageItem, CoverageMap } from './coverage-map.js'
import { drillHint, judgeDrillAnswer, verdictLine } from './drill-coach.js'
import { resolveDrillFocus, type DrillFocus } from './drill-focus.js'
import { composeProbe } from './follow-up-composer.js'
import { lastTarget, pickGap } from './gap-picker.js'
import { isInjectionAttempt } from './injection-detector.js'
import type {
  InterviewContext,
  InterviewerEngine,
  InterviewerTurnMeta,
  InterviewerTurnStream,
} from './interviewer-engine.js'
import { INTERVIEWER_LINES as LINES } from './interviewer-lines.js'
import { createLeakGuard, guardStream } from './leak-guard.js'
import type { QuestionProfile } from './question-profile.js'
import { pickSeeded } from './seeded-choice.js'

export const OFFLINE_PROVIDER = 'offline'
export const OFFLINE_MODEL = 'sparring-offline-1'

export type OfflineInterviewerDeps = {
  analyzer: TextAnalyzer
  profileOf: (question: Question) => QuestionProfile
  /** The coverage score at which a step counts as fully covered (the coverage map's `full`). */
  fullAt: number
}

type Composed = Pick<InterviewerTurnMeta, 'kind' | 'target' | 'hiddenNotes'> & { text: string }

/**
 * The offline interviewer: deterministic, no network. It reads the coverage map, picks the most
 * important gap and asks one follow-up about it from templates per step kind; answers clarifying
 * questions from the scenario; redirects attempts to derail it; in drills, judges each answer on
 * the focus and hints. Its turns pass through the same leak guard as the LLM's.
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
        ? drillOpening(ctx, pick)
        : mockOpening(ctx.question, pick)
    case 'closing':
      return {
        kind: 'closing',
        target: null,
        text: `${pick(LINES.closing[trigger.reason], 'close')} ${pick(LINES.closingTail, 'tail')}`,
        hiddenNotes: `Ended (${trigger.reason}). Coverage at close: ${summarise(ctx.coverage.map)}`,
      }
    case 'clarify':
      if (isInjectionAttempt(trigger.turn.text)) return redirect(ctx, pick)
      return clarify(ctx.question, clampLongWords(trigger.turn.text), deps.analyzer, pick)
    case 'skip':
      if (ctx.session.mode === 'drill') return drillProbe(ctx, seed, `${pick(LINES.skip, 'skip')} `)
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
  return { kind: 'question', target: null, hiddenNotes: null, text: parts.join('\n\n') }
}

function drillOpening(ctx: InterviewContext, pick: PickLine): Composed {
  const focus = resolveDrillFocus(ctx.question, ctx.session.focus)
  // A sentence that only introduces a list ("Requirements:") says nothing without the list.
  const setup = splitSentences(ctx.question.scenario)
    .filter((s) => !s.text.trim().endsWith(':'))
    .slice(0, 2)
    .map((s) => s.text)
    .join(' ')
  const probe = composeProbe({
    kind: focus.kind,
    label: focus.label,
    coverage: null,
    latestAnswer: null,
    turns: ctx.turns,
    seed: `${ctx.session.id}:open`,
  })
  const intro = pick(LINES.drillIntro, 'drill').replace('{focus}', focus.label.toLowerCase())
  return {
    kind: 'question',
    target: focus.target,
    hiddenNotes: `Drill on ${focus.target} (${focus.label}).`,
    text: `${intro}\n\nThe setup: ${setup}\n\n${probe}`,
  }
}

function followUp(
  ctx: InterviewContext,
  deps: OfflineInterviewerDeps,
  pick: PickLine,
  lead: string,
): Composed {
  const skipped = ctx.trigger.type === 'skip' ? lastTarget(ctx.turns) : null
  const gap = pickGap({
    question: ctx.question,
    profile: deps.profileOf(ctx.question),
    coverage: ctx.coverage.map,
    turns: ctx.turns,
    exclude: skipped ? [skipped] : [],
    fullAt: deps.fullAt,
  })
  const probe = composeProbe({
    kind: gap.kind,
    label: gap.label,
    coverage: gap.coverage,
    latestAnswer: latestAnswerText(ctx),
    turns: ctx.turns,
    seed: `${ctx.session.id}:${ctx.turns.length}:${gap.target}`,
  })
  return {
    kind: 'follow-up',
    target: gap.target,
    text: `${lead}${probe}`,
    hiddenNotes:
      `Probing ${gap.target} (${gap.label}): ${gap.coverage.level}, score ${gap.coverage.score}.` +
      (skipped ? ` Candidate skipped ${skipped}.` : '') +
      ` Coverage: ${summarise(ctx.coverage.map)}`,
  }
}

function drillTurn(ctx: InterviewContext, deps: OfflineInterviewerDeps, seed: string): Composed {
  const focus = resolveDrillFocus(ctx.question, ctx.session.focus)
  const item = ctx.latest?.focus ?? null
  const verdict = judgeDrillAnswer(item)
  const answer = clampLongWords(latestAnswerText(ctx) ?? '')
  const hint = drillHint({ focus, answer, analyzer: deps.analyzer, seed: `${seed}:hint` })
  const probe = probeDrillFocus(ctx, focus, item, answer, seed)
  return {
    kind: 'verdict',
    target: focus.target,
    text: `${verdictLine(verdict, focus, item)}\n${hint}\n\n${probe}`,
    hiddenNotes: `Drill verdict on ${focus.target}: ${verdict} (score ${item?.score ?? 0}).`,
  }
}

function drillProbe(ctx: InterviewContext, seed: string, lead: string): Composed {
  const focus = resolveDrillFocus(ctx.question, ctx.session.focus)
  const probe = probeDrillFocus(ctx, focus, null, null, seed)
  return {
    kind: 'follow-up',
    target: focus.target,
    text: `${lead}${probe}`,
    hiddenNotes: `Drill: candidate skipped a question on ${focus.target}.`,
  }
}

/** The next question on the drill focus, informed by the latest answer when there is one. */
function probeDrillFocus(
  ctx: InterviewContext,
  focus: DrillFocus,
  coverage: CoverageItem | null,
  latestAnswer: string | null,
  seed: string,
): string {
  return composeProbe({
    kind: focus.kind,
    label: focus.label,
    coverage,
    latestAnswer,
    turns: ctx.turns,
    seed: `${seed}:probe`,
  })
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
    hiddenNotes:
      facts.length > 0
        ? 'Answered from the scenario.'
        : 'Not in the scenario: candidate to assume.',
  }
}

function redirect(ctx: InterviewContext, pick: PickLine): Composed {
  const previous = [...ctx.turns]
    .reverse()
    .find((t) => t.role === 'interviewer' && t.kind !== 'clarification' && t.kind !== 'redirect')
  const sentences = splitSentences(previous?.text ?? '').map((s) => s.text)
  const question = [...sentences].reverse().find((s) => s.endsWith('?')) ?? sentences.at(-1)
  const back = question ? ` ${pick(LINES.redirectBack, 'back')} ${question}` : ''
  return {
    kind: 'redirect',
    target: lastTarget(ctx.turns),
    text: `${pick(LINES.redirect, 'redirect')}${back}`,
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

/** Streams the composed text in small chunks through the leak guard. */
async function* streamComposed(composed: Composed, ctx: InterviewContext): InterviewerTurnStream {
  const guarded = guardStream(chunk(composed.text), createLeakGuard(ctx.question.modelAnswer))
  let step = await guarded.next()
  while (!step.done) {
    yield step.value
    step = await guarded.next()
  }
  return {
    kind: composed.kind,
    target: composed.target,
    hiddenNotes: composed.hiddenNotes,
    usage: null,
    provider: OFFLINE_PROVIDER,
    model: OFFLINE_MODEL,
    leaksCaught: step.done ? step.value.leaks : 0,
  }
}

async function* chunk(text: string): AsyncGenerator<string> {
  for (const part of text.match(/\S+\s*/g) ?? []) yield part
}
