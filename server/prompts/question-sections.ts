import type { Question } from '../questions/question-schema.js'

/** The parts of a question as prompt text, shared by the interviewer and grader prompts. */
export type QuestionSections = {
  questionTitle: string
  questionPrompt: string
  scenario: string
  requirements: string
  competencies: string
  framework: string
  modelAnswer: string
  rubric: string
}

export function formatQuestionSections(question: Question): QuestionSections {
  return {
    questionTitle: question.title,
    questionPrompt: question.prompt,
    scenario: question.scenario.trim(),
    requirements:
      question.requirements.length > 0
        ? question.requirements.map((r, i) => `${i + 1}. ${r}`).join('\n')
        : '(none listed beyond the question)',
    competencies: question.competencies.map((c) => `- ${c.name}: ${c.description}`).join('\n'),
    framework: formatFramework(question),
    modelAnswer: question.modelAnswer.trim() || '(not available: grade on the rubric alone)',
    rubric: question.rubric
      .map((r, i) => `${i + 1}. ${r.name} (weight ${r.weight}): ${r.description}`)
      .join('\n'),
  }
}

function formatFramework(question: Question): string {
  const { name, steps, keyPrinciples } = question.framework
  const lines = [
    `${name}:`,
    ...steps.map((s) => `${s.number}. ${s.name}: ${s.description}`.trimEnd()),
  ]
  if (keyPrinciples.length > 0) lines.push(`Key principles: ${keyPrinciples.join('; ')}`)
  return lines.join('\n')
}

/** A drill focus (`step:N` or `competency:Name`) as words. */
export function describeFocus(question: Question, focus: string | null): string {
  if (!focus) return 'the whole question'
  const step = /^step:(\d+)$/.exec(focus)
  if (step) {
    const found = question.framework.steps.find((s) => s.number === Number(step[1]))
    return found ? `framework step ${found.number}, ${found.name}` : focus
  }
  if (focus.startsWith('competency:')) return `the competency ${focus.slice('competency:'.length)}`
  if (focus.startsWith('criterion:'))
    return `the rubric criterion ${focus.slice('criterion:'.length)} (without naming what it rewards)`
  return focus
}
