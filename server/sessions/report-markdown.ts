import type { CriterionGrade, Grade } from '../grading/grade-schema.js'
import type { Turn } from './session-schema.js'
import type { SessionReport } from './session-report.js'

/**
 * The report as a Markdown document a candidate can keep or send to a coach: scores with the
 * evidence quoted verbatim (as blockquotes, naming the transcript turn), coverage, next steps,
 * the transcript and the model answer. Pure: the same report gives the same text.
 */
export function renderReportMarkdown(report: SessionReport): string {
  const { session, question, grade } = report
  const lines = [
    `# ${question.title}`,
    '',
    `- Mode: ${session.mode}${session.focus ? ` (focus: ${session.focus})` : ''}`,
    `- Started: ${session.createdAt}`,
    `- Status: ${session.status}`,
    grade
      ? `- Overall score: **${grade.overall} / 10** (${describeGrader(grade)})`
      : '- Overall score: not graded yet',
    '',
    `> ${question.prompt}`,
    '',
  ]
  if (grade) lines.push(...renderGrade(grade, report.turns))
  lines.push('## Transcript', '')
  for (const turn of report.turns) {
    const who = turn.role === 'candidate' ? 'Candidate' : 'Interviewer'
    lines.push(`**${turn.seq}. ${who}** (${turn.kind})`, '', turn.text, '')
  }
  lines.push('## Model answer', '', question.modelAnswer || '_The bank has no model answer._', '')
  lines.push('## Rubric', '')
  for (const r of question.rubric)
    lines.push(`- **${r.name}** (weight ${r.weight}): ${r.description}`)
  lines.push('')
  return lines.join('\n')
}

function describeGrader(grade: Grade): string {
  const samples = grade.grader.samples > 1 ? `, ${grade.grader.samples} samples` : ''
  return `${grade.grader.kind} grader, ${grade.grader.model}, prompt ${grade.grader.promptVersion}${samples}`
}

function renderGrade(grade: Grade, turns: Turn[]): string[] {
  const lines = ['## Scores by rubric criterion', '']
  for (const c of grade.criteria) lines.push(...renderCriterion(c, turns))
  if (grade.competencies.length > 0) {
    lines.push('## Scores by competency', '')
    for (const c of grade.competencies) lines.push(...renderCriterion(c, turns))
  }
  lines.push('## Framework coverage', '', '| Step | Coverage |', '| --- | --- |')
  for (const s of grade.framework)
    lines.push(`| ${s.step}. ${escapeCell(s.name)} | ${s.coverage} |`)
  lines.push('', ...renderList('Strengths', grade.strengths), ...renderList('Gaps', grade.gaps))
  lines.push('## Next steps', '', ...grade.nextSteps.map((s, i) => `${i + 1}. ${s}`), '')
  if (grade.droppedQuotes > 0) {
    lines.push(
      `_${grade.droppedQuotes} quote(s) the grader gave were not verbatim and were dropped._`,
      '',
    )
  }
  return lines
}

function renderCriterion(c: CriterionGrade, turns: Turn[]): string[] {
  const verdict = c.verdict === 'insufficient-evidence' ? ' (insufficient evidence)' : ''
  const spread = c.spread > 0 ? ` (spread ${c.spread})` : ''
  const lines = [`### ${c.name}: ${c.score} / 10${verdict}${spread}`, '']
  for (const e of c.evidence) {
    const seq = turns.find((t) => t.id === e.turnId)?.seq
    lines.push(...e.quote.split('\n').map((l) => `> ${l}`))
    lines.push(`> (turn ${seq ?? e.turnId})`, '')
  }
  if (c.rationale) lines.push(`Why: ${c.rationale}`, '')
  if (c.missing) lines.push(`Missing: ${c.missing}`, '')
  return lines
}

function renderList(title: string, items: string[]): string[] {
  return items.length === 0 ? [] : [`## ${title}`, '', ...items.map((i) => `- ${i}`), '']
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|')
}
