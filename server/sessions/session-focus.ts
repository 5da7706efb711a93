import type { Question } from '../questions/question-schema.js'

export type FocusCheck = { ok: true; focus: string } | { ok: false; message: string }

/**
 * Checks a drill focus against the question: `step:N` must name one of its framework steps,
 * `competency:<name>` one of its competencies and `criterion:<name>` one of its rubric criteria
 * (a weak criterion from past reviews, drilled from history); names in any case, stored with the
 * bank's spelling.
 */
export function resolveFocus(question: Question, focus: string): FocusCheck {
  const step = /^step:(\d+)$/.exec(focus)
  if (step) {
    const number = Number(step[1])
    if (question.framework.steps.some((s) => s.number === number)) {
      return { ok: true, focus: `step:${number}` }
    }
    const known = question.framework.steps.map((s) => s.number).join(', ')
    return { ok: false, message: `"${question.id}" has no framework step ${number} (${known}).` }
  }
  const competency = /^competency:(.+)$/.exec(focus)
  if (competency?.[1]) {
    const wanted = competency[1].trim().toLowerCase()
    const match = question.competencies.find((c) => c.name.toLowerCase() === wanted)
    if (match) return { ok: true, focus: `competency:${match.name}` }
    const known = question.competencies.map((c) => c.name).join('; ')
    return {
      ok: false,
      message: `"${question.id}" has no competency "${competency[1]}" (${known}).`,
    }
  }
  const criterion = /^criterion:(.+)$/.exec(focus)
  if (criterion?.[1]) {
    const wanted = criterion[1].trim().toLowerCase()
    const match = question.rubric.find((c) => c.name.toLowerCase() === wanted)
    if (match) return { ok: true, focus: `criterion:${match.name}` }
    return { ok: false, message: `"${question.id}" has no rubric criterion "${criterion[1]}".` }
  }
  return {
    ok: false,
    message: 'focus must be `step:<number>`, `competency:<name>` or `criterion:<name>`.',
  }
}
