import type { ChatMessage } from '../llm/llm-client.js'
import type { Question } from '../questions/question-schema.js'
import type { PromptLibrary } from '../prompts/prompt-library.js'
import { delimitCandidateText, escapeDelimiters } from '../prompts/delimit-candidate-text.js'
import { formatQuestionSections } from '../prompts/question-sections.js'
import type { GradableTranscript } from './grade-schema.js'

/** The prompts the grader's output depends on; their hash is the grade's `promptVersion`. */
export const GRADER_PROMPTS = ['grader-system', 'grader-user', 'grader-repair'] as const

/**
 * A fresh context for grading: the question, its rubric, framework and competencies, the model
 * answer as a reference, and the transcript, with the candidate's words delimited as data.
 * Nothing from the interview's own context (its notes, its coverage map) is carried over.
 */
export function buildGraderMessages(
  prompts: PromptLibrary,
  question: Question,
  transcript: GradableTranscript,
): ChatMessage[] {
  const { requirements: _unused, ...sections } = formatQuestionSections(question)
  return [
    { role: 'system', content: prompts.render('grader-system', {}) },
    {
      role: 'user',
      content: prompts.render('grader-user', {
        ...sections,
        transcript: formatTranscript(transcript),
      }),
    },
  ]
}

/** The repair turn: the invalid reply as the model's, then the validation errors. */
export function buildRepairMessages(
  prompts: PromptLibrary,
  messages: ChatMessage[],
  invalidReply: string,
  errors: string[],
): ChatMessage[] {
  const validationErrors = errors.map((e) => `- ${e}`).join('\n')
  return [
    ...messages,
    { role: 'assistant', content: invalidReply },
    { role: 'user', content: prompts.render('grader-repair', { validationErrors }) },
  ]
}

function formatTranscript(transcript: GradableTranscript): string {
  return transcript.turns
    .map((turn) =>
      turn.role === 'candidate'
        ? delimitCandidateText(turn.text, turn.id)
        : `<interviewer_turn turn="${turn.id}">\n${escapeDelimiters(turn.text)}\n</interviewer_turn>`,
    )
    .join('\n\n')
}
