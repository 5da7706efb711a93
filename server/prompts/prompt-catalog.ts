import type { QuestionSections } from './question-sections.js'

/** Every section formatQuestionSections fills, which both system prompts ground the model in. */
const QUESTION_SECTION_VARS = [
  'questionTitle',
  'questionPrompt',
  'scenario',
  'requirements',
  'competencies',
  'framework',
  'modelAnswer',
  'rubric',
] as const satisfies readonly (keyof QuestionSections)[]

/**
 * Every prompt file in prompts/ and the variables it must use, checked when the files load, so a
 * template edited out of step with its builder fails at start-up, not mid-interview.
 */
export const PROMPT_CATALOG = {
  'interviewer-system': QUESTION_SECTION_VARS,
  'interviewer-turn': ['candidateText', 'coverage', 'targetLabel', 'askedQuestions'],
  'drill-system': [...QUESTION_SECTION_VARS, 'focus'],
  'drill-turn': ['candidateText', 'focus', 'targetLabel', 'askedQuestions'],
  'grader-system': [],
  'grader-user': [
    'questionTitle',
    'questionPrompt',
    'scenario',
    'competencies',
    'framework',
    'modelAnswer',
    'rubric',
    'transcript',
  ],
  'grader-repair': ['validationErrors'],
} as const satisfies Record<string, readonly string[]>

export type PromptName = keyof typeof PROMPT_CATALOG

export const PROMPT_NAMES = Object.keys(PROMPT_CATALOG) as PromptName[]
