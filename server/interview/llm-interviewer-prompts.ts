import type { Question } from '../questions/question-schema.js'
import type { SessionMode, TurnKind, TurnRole } from '../sessions/session-schema.js'
import type { ChatMessage } from '../llm/llm-client.js'
import type { PromptLibrary } from '../prompts/prompt-library.js'
import { delimitCandidateText } from '../prompts/delimit-candidate-text.js'
import { describeFocus, formatQuestionSections } from '../prompts/question-sections.js'
import { lastQuestion } from './conversation-memory.js'
import type { CoverageItem, CoverageMap } from './coverage-map.js'

/** A transcript turn as the prompts need it; `Turn` from the session store fits. */
export type PromptTurn = { id?: string; role: TurnRole; kind?: TurnKind; text: string }

export type InterviewerPromptInput = {
  prompts: PromptLibrary
  question: Question
  /** Oldest first; the last turn is the candidate's turn being answered. */
  transcript: readonly PromptTurn[]
  coverage: CoverageMap
  /** The gap the next follow-up aims at, as words, e.g. "framework step 3, Prevent". */
  targetLabel: string
  mode: SessionMode
  /** For drill: `step:N` or `competency:Name`. */
  focus: string | null
}

/** Said in place of the opening user message, which chat templates of local models require. */
const SESSION_START = '(The candidate has joined and read the question.)'

/**
 * The messages for the next interviewer turn: a stable system prompt grounded in the question
 * (stable, so servers can cache its prefix), the transcript with every candidate turn inside
 * delimiters, and a last user message holding the candidate's latest turn, the coverage map and
 * the gap to probe. Roles alternate strictly, as Mistral-style chat templates demand.
 */
export function buildInterviewerMessages(input: InterviewerPromptInput): ChatMessage[] {
  const { prompts, question, transcript, mode } = input
  const last = transcript.at(-1)
  if (!last || last.role !== 'candidate') {
    throw new Error('buildInterviewerMessages: the transcript must end with a candidate turn')
  }
  const sections = formatQuestionSections(question)
  const focus = describeFocus(question, input.focus)
  const system =
    mode === 'drill'
      ? prompts.render('drill-system', { ...sections, focus })
      : prompts.render('interviewer-system', sections)

  const history: ChatMessage[] = transcript
    .slice(0, -1)
    .map((turn) =>
      turn.role === 'interviewer'
        ? { role: 'assistant', content: turn.text }
        : { role: 'user', content: candidateContent(turn) },
    )
  const candidateText = candidateContent(last)
  const askedQuestions = formatAsked(transcript)
  // Clarifying questions never reach the model: the offline engine quotes the scenario's fact.
  const final =
    mode === 'drill'
      ? prompts.render('drill-turn', {
          candidateText,
          focus,
          targetLabel: input.targetLabel,
          askedQuestions,
        })
      : prompts.render('interviewer-turn', {
          candidateText,
          coverage: formatCoverage(input.coverage),
          targetLabel: input.targetLabel,
          askedQuestions,
        })

  return alternate([
    { role: 'system', content: system },
    ...history,
    { role: 'user', content: final },
  ])
}

/**
 * What of the prompts the candidate must never read, as the model reads it: the system prompt
 * with the sections the candidate sees blanked (title, question, scenario, requirements, the
 * framework and competencies, the drill focus), so the rubric, the model answer between its tags
 * and the instructions around them stay in order; then the turn prompt's own words. The leak
 * guard drops a copy of any of it, also one that runs from an instruction into the model answer.
 */
export function privatePromptText(
  prompts: PromptLibrary,
  question: Question,
  mode: SessionMode,
): string {
  const blank = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, '\n']))
  const sections = {
    ...formatQuestionSections(question),
    ...blank([
      'questionTitle',
      'questionPrompt',
      'scenario',
      'requirements',
      'competencies',
      'framework',
    ]),
  }
  const turn = ['candidateText', 'targetLabel', 'askedQuestions']
  return mode === 'drill'
    ? `${prompts.render('drill-system', { ...sections, focus: '\n' })}\n\n${prompts.render('drill-turn', blank([...turn, 'focus']))}`
    : `${prompts.render('interviewer-system', sections)}\n\n${prompts.render('interviewer-turn', blank([...turn, 'coverage']))}`
}

/** Interviewer turns whose question the model must not ask again. */
const ASKING: ReadonlySet<TurnKind | undefined> = new Set(['question', 'follow-up', 'verdict'])

/** The questions asked so far, one a line (the last question of each asking turn). */
function formatAsked(transcript: readonly PromptTurn[]): string {
  const asked = transcript
    .filter((t) => t.role === 'interviewer' && ASKING.has(t.kind))
    .map((t) => lastQuestion(t.text))
    .filter((q) => q.endsWith('?'))
  return asked.length > 0 ? asked.map((q) => `- ${q}`).join('\n') : '(none yet)'
}

function candidateContent(turn: PromptTurn): string {
  if (turn.kind === 'skip') return '(The candidate skipped this question.)'
  return delimitCandidateText(turn.text, turn.id)
}

/** The coverage map as short lines: levels only, never the candidate's words or the answer's. */
export function formatCoverage(coverage: CoverageMap): string {
  const block = (title: string, items: readonly CoverageItem[]) =>
    items.length === 0 ? [] : [`${title}:`, ...items.map((i) => `- [${i.level}] ${i.label}`)]
  const lines = [
    ...block('Framework steps', coverage.steps),
    ...block('Rubric criteria', coverage.criteria),
    ...block('Key concepts', coverage.concepts),
  ]
  return lines.length > 0 ? lines.join('\n') : '(nothing measured yet)'
}

/** Starts with a user message after the system prompt and merges same-role neighbours. */
function alternate(messages: ChatMessage[]): ChatMessage[] {
  const [system, ...rest] = messages
  if (rest[0]?.role === 'assistant') rest.unshift({ role: 'user', content: SESSION_START })
  const merged: ChatMessage[] = [system!]
  for (const message of rest) {
    const previous = merged.at(-1)!
    if (previous.role === message.role && merged.length > 1) {
      merged[merged.length - 1] = {
        ...previous,
        content: `${previous.content}\n\n${message.content}`,
      }
    } else merged.push(message)
  }
  return merged
}

export { parseInterviewerOutput } from '../prompts/interviewer-notes.js'
