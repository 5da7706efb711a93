import type { Question } from '../questions/question-schema.js'
import type { CriterionGrade, Grade } from './grade-schema.js'

/** A plain-text report of a grade for the terminal: overall, criteria with evidence, framework, next steps. */
export function formatGradeReport(grade: Grade, question: Question): string {
  const lines: string[] = []
  lines.push(`${question.title} (${question.id})`)
  lines.push(
    `Overall: ${grade.overall}/10   (model answer: ${question.statedScore.value}/${question.statedScore.scale})`,
  )
  lines.push(`Grader: ${grade.grader.kind}, ${grade.grader.model}, ${grade.grader.promptVersion}`)
  if (grade.droppedQuotes > 0) lines.push(`Quotes dropped as not verbatim: ${grade.droppedQuotes}`)
  if (grade.ignored.length > 0) {
    lines.push('', 'Ignored (addressed to the grader, not the question; earns nothing)')
    for (const claim of grade.ignored)
      lines.push(`  [${claim.turnId}] "${claim.text.replace(/\s*\n\s*/g, ' / ')}"`)
  }
  lines.push('', 'Rubric criteria')
  for (const c of grade.criteria) lines.push(...formatCriterion(c))
  lines.push('', 'Competencies')
  // A competency named like a criterion was graded as that criterion, above.
  const criteria = new Set(grade.criteria.map((c) => c.name.trim().toLowerCase()))
  for (const c of grade.competencies.filter((c) => !criteria.has(c.name.trim().toLowerCase())))
    lines.push(`  ${c.score.toFixed(1).padStart(4)}  ${c.name}${verdictTag(c)}`)
  lines.push('', 'Framework')
  for (const f of grade.framework) lines.push(`  ${f.step}. ${f.name}: ${f.coverage}`)
  if (grade.strengths.length > 0)
    lines.push('', 'Strengths', ...grade.strengths.map((s) => `  + ${s}`))
  if (grade.gaps.length > 0) lines.push('', 'Gaps', ...grade.gaps.map((g) => `  - ${g}`))
  lines.push('', 'Next steps', ...grade.nextSteps.map((s, i) => `  ${i + 1}. ${s}`))
  return lines.join('\n')
}

function formatCriterion(c: CriterionGrade): string[] {
  const lines = [`  ${c.score.toFixed(1).padStart(4)}  ${c.name}${verdictTag(c)}`]
  for (const e of c.evidence) lines.push(`        [${e.turnId}] "${e.quote}"`)
  if (c.evidence.length === 0) lines.push('        (no supporting quote)')
  lines.push(`        ${c.rationale}`)
  if (c.missing) lines.push(`        ${c.missing}`)
  return lines
}

function verdictTag(c: CriterionGrade): string {
  return c.verdict === 'insufficient-evidence' ? '  [insufficient evidence]' : ''
}
