import { redundantShare, type ResultSummary } from './summarise-results.js'
import type { DrillSummary } from './summarise-drills.js'

export const SECTION = '## Simulated candidates (interviewer)'

export type EngineTable = {
  engine: string
  rows: ResultSummary[]
  total: ResultSummary
  drills?: { rows: DrillSummary[]; total: DrillSummary }
}

/** One run of the candidates answering in other words (`--scripts=labelled:N`). */
export type OtherWordsRun = {
  engine: string
  pick: number
  rows: ResultSummary[]
  total: ResultSummary
}

/**
 * Follow-ups aimed at a covered step with the candidates in other words: one row per question,
 * one column per engine and choice of labelled answers, and the worst question of each column.
 */
export function formatOtherWords(runs: readonly OtherWordsRun[]): string[] {
  if (runs.length === 0) return []
  const name = (r: OtherWordsRun) => `${r.engine.split(' (')[0]}, labelled:${r.pick}`
  const cell = (r: ResultSummary) => `${r.redundant} (${redundantShare(r)})`
  const worst = (run: OtherWordsRun) =>
    run.rows.reduce((a, r) => (r.redundant / r.followUps > a.redundant / a.followUps ? r : a))
  const lines = [
    `| Question | ${runs.map(name).join(' | ')} |`,
    `| --- |${runs.map(() => ' ---: |').join('')}`,
  ]
  runs[0]!.rows.forEach((r, i) =>
    lines.push(`| ${r.label} | ${runs.map((run) => cell(run.rows[i]!)).join(' | ')} |`),
  )
  lines.push(`| **All questions** | ${runs.map((run) => `**${cell(run.total)}**`).join(' | ')} |`)
  lines.push(
    `| Worst question | ${runs.map((run) => `${redundantShare(worst(run))} (q${worst(run).label.split('.')[0]})`).join(' | ')} |`,
  )
  const others = runs.map((run) => run.total)
  const flagged = others.reduce(
    (t, r) =>
      t + r.repeats + r.quotesReused + r.leaks + r.promptEchoes + r.markupShown + r.multiQuestion,
    0,
  )
  lines.push(
    '',
    `Repeated questions, quotes reused, leaks, prompt echoes, markup fragments shown and turns with 2+ questions in these runs, all together: ${flagged}.`,
  )
  return lines
}

/** One run of candidates going through several steps a reply (`--steps-per-reply=K`). */
export type SeveralStepsRun = {
  engine: string
  /** The labelled answers' choice, or null for the bench's own scripts. */
  pick: number | null
  stepsPerReply: number
  rows: ResultSummary[]
  total: ResultSummary
}

/**
 * Follow-ups aimed at a covered step with candidates going through several steps a reply: one
 * row per set of scripts, one column per engine and steps a reply; the total and the worst
 * question.
 */
export function formatSeveralSteps(runs: readonly SeveralStepsRun[]): string[] {
  if (runs.length === 0) return []
  const columns = [...new Set(runs.map((r) => `${r.engine.split(' (')[0]}, ${r.stepsPerReply}`))]
  const scripts = [...new Set(runs.map((r) => r.pick))]
  const lines = [
    `| Scripts | ${columns.map((c) => `${c} steps a reply`).join(' | ')} |`,
    `| --- |${columns.map(() => ' ---: |').join('')}`,
  ]
  for (const pick of scripts) {
    const cells = columns.map((column) => {
      const run = runs.find(
        (r) => r.pick === pick && `${r.engine.split(' (')[0]}, ${r.stepsPerReply}` === column,
      )
      if (!run) return ''
      const worst = run.rows.reduce((a, r) =>
        r.redundant / r.followUps > a.redundant / a.followUps ? r : a,
      )
      return `${run.total.redundant} of ${run.total.followUps} (${redundantShare(run.total)}; worst ${redundantShare(worst)}, q${worst.label.split('.')[0]})`
    })
    lines.push(
      `| ${pick === null ? "the bench's own" : `labelled:${pick}`} | ${cells.join(' | ')} |`,
    )
  }
  return lines
}

const DRILL_HEAD =
  '| Drill candidate | Drills (steps) | Reps | Repeated questions | Turns with no question | Turns with 2+ questions | Hint leaks | Prompt echoed | Markup fragments shown | Aimed off the step | Solid verdict, hint says short |\n' +
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'

function drillRow(r: DrillSummary, bold = false): string {
  const b = (s: string | number) => (bold ? `**${s}**` : String(s))
  return `| ${b(r.label)} | ${b(`${r.drills} (${r.stepsDrilled})`)} | ${b(r.reps)} | ${b(r.repeats)} | ${b(r.noQuestion)} | ${b(r.multiQuestion)} | ${b(r.hintLeaks)} | ${b(r.promptEchoes)} | ${b(r.markupShown)} | ${b(r.offFocus)} | ${b(r.verdictHintClashes)} |`
}

const HEAD =
  '| Question | Interviews | Follow-ups | Aimed at a covered step | Repeated questions | Quotes reused | Leaks | Prompt echoed | Markup fragments shown | Turns with 2+ questions | Steps probed (all / weak) | Clarifications right |\n' +
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'

function row(r: ResultSummary, bold = false): string {
  const b = (s: string | number) => (bold ? `**${s}**` : String(s))
  return `| ${b(r.label)} | ${b(r.interviews)} | ${b(r.followUps)} | ${b(`${r.redundant} (${redundantShare(r)})`)} | ${b(r.repeats)} | ${b(r.quotesReused)} | ${b(r.leaks)} | ${b(r.promptEchoes)} | ${b(r.markupShown)} | ${b(r.multiQuestion)} | ${b(`${r.stepsProbed} / ${r.stepsProbedWeak} of ${r.steps}`)} | ${b(`${r.clarificationsRight} / ${r.clarifications}`)} |`
}

/** The docs/benchmarks.md section: what was run, how it is judged, one table per engine. */
export function formatInterviewerSection(input: {
  date: string
  command: string
  tables: EngineTable[]
  examples: string[]
  /** The same candidates in other words, when run (the written report runs them). */
  otherWords?: readonly OtherWordsRun[]
  /** Candidates going through several steps a reply, when run (the written report runs them). */
  several?: readonly SeveralStepsRun[]
}): string {
  const lines = [
    SECTION,
    '',
    `Measured ${input.date} with \`${input.command}\`. For each of the 15 questions, seven scripted`,
    'candidates (strong, weak, evasive, keyword-dumper, injector, out-of-order, clarifier; see',
    '`bench/interviewer/candidate-kinds.ts`) run whole mock interviews against the real server on',
    '127.0.0.1 (port 0) over HTTP and a real WebSocket, with a follow-up budget of 8. Their replies',
    '(`bench/interviewer/candidate-scripts.ts`) were written with hand labels of the framework step',
    'each covers, and each clarifying question with the scenario fact that answers it (or none),',
    'before the interviewer was measured against them. The bench judges with its own measures, not',
    "the interviewer's: a follow-up is *aimed at a covered step* when its target is a step some",
    'earlier labelled answer covered, or a rubric criterion that restates such a step (hand labels',
    'of the steps each criterion restates, `bench/interviewer/restated-step-labels.ts`, e.g.',
    '"Reconciliation Plan" restates the step "Reconciliation"; a criterion spanning several steps',
    'or none, like "Time Discipline", has none); a question is *repeated* when its words match an earlier one or',
    'share 60% of their content stems; a *leak* is 8 consecutive words of the model answer found in',
    "neither the question's public text nor the candidate's words; a *prompt echo* is the same for",
    "the interviewer prompts' own words (`prompts/interviewer-*.md`, `prompts/drill-*.md`, their",
    'placeholders cut out); a clarification is *right* when it quotes the fact, or says the scenario',
    'does not say when there is none; *markup fragments shown* counts turns whose text holds markup',
    'debris with no prose (`bench/interviewer/markup-fragments.ts`: a code fence with no partner, an',
    'empty code block, a line with no word outside a code block such as `}` or an empty bullet, a',
    'lead-in ending with ":" that nothing follows), what a filter leaves when it cuts text out of',
    'the markup around it; a turn with *2+ questions* has two sentences ending with "?", or one and',
    'the leak guard\'s neutral probe ("Walk me through how you would approach that part."), which',
    'asks as a question does. Each turn is read as a candidate reads it over the WebSocket:',
    'its deltas, with a `turn-revise` replacing the text (a repeated question shown while it streamed,',
    'then taken back); leaks and echoes are looked for in every text the candidate saw, the rest is',
    'judged on the text the turn ends with, which must equal the stored turn.',
    '',
    'The scripted LLM (`bench/interviewer/scripted-llm.ts`) is the real OpenAI client against a',
    'model at the HTTP boundary (msw) that asks one question on the gap it is given, in one of three',
    'wordings of its own and never one in its list of questions asked, and every third reply opens',
    'with a long sentence copied from its system prompt (model answer, list items and instructions).',
    '',
    'Drills: on each question, three drill candidates (`bench/interviewer/drill-candidates.ts`) drill',
    'one framework step (a different one per question, by its number) for 8 reps before the',
    'interviewer closes: `drill-weak` gives thin or evasive replies every rep, `drill-recovering`',
    'lists terms, then gives its real answer on the step, then thin replies, `drill-injector`',
    'alternates attempts to get the answer with thin replies. Every turn after the opening must be',
    'aimed at the step and ask exactly one question never asked before in the drill; a *hint leak*',
    'is model-answer text in any drill turn (hints included), as above; a *solid verdict, hint says',
    'short* is a verdict of solid or strong whose hint says the answer did not get somewhere.',
    '',
    '`npm run bench:interviewer -- --problems` prints every flagged turn, and `-- --explain`, for',
    "each follow-up aimed at a covered step, the candidate's answers before it (their labels, each",
    "sentence's coverage-map score by step) and the map and answer topics the interviewer had.",
    'With `--scripts=labelled:N`',
    'the candidates answer in other words (printed only, no drills): each step answer is the N-th',
    'labelled answer of bench:coverage that covers that step alone, a stand-in for candidate scripts',
    "the interviewer was not measured on (the main set's answers did fit the coverage map's weights).",
    '',
  ]
  for (const table of input.tables) {
    lines.push(`### ${table.engine}`, '', HEAD)
    for (const r of table.rows) lines.push(row(r))
    lines.push(row(table.total, true), '')
    if (table.drills) {
      lines.push(`Drills, ${table.engine.split(' (')[0]!.toLowerCase()}:`, '', DRILL_HEAD)
      for (const r of table.drills.rows) lines.push(drillRow(r))
      lines.push(drillRow(table.drills.total, true), '')
    }
  }
  const otherWords = formatOtherWords(input.otherWords ?? [])
  if (otherWords.length > 0) {
    lines.push(
      '### Candidates in other words',
      '',
      'Follow-ups aimed at a covered step when the same candidates answer in other words',
      '(`--scripts=labelled:N`, N = 0-3: each step answer the N-th labelled answer of bench:coverage',
      'covering that step alone; no drills). Choices 2 and 3 were first run after the fixes of',
      '2026-12-03 to the opening reply and to keyword lists had been chosen on 0 and 1 (and on 2 for',
      'the keyword lists).',
      '',
      ...otherWords,
      '',
    )
  }
  const several = formatSeveralSteps(input.several ?? [])
  if (several.length > 0) {
    lines.push(
      '### Several steps a reply',
      '',
      'Follow-ups aimed at a covered step when every candidate who gives step answers goes on, in',
      'each, with its next unsaid steps in its own order, 2 or 3 steps a reply, labelled with all of',
      "them (`--steps-per-reply=K`, with the bench's own scripts or `--scripts=labelled:N`). Here a",
      'step is credited by the words alone unless it is the one asked about: the sentences of a',
      'reply are given steps not yet dealt with jointly, going forward from the step asked about',
      '(server/interview/reply-steps.ts), the first sentence and any going back also by the',
      'sentence rule (its earliest step not dealt with near its best, from 0.18 and at half its',
      "best score); the coverage map often gives a later step's sentence to an earlier one or",
      'scores it near 0 on its own step.',
      '',
      ...several,
      '',
    )
  }
  if (input.examples.length > 0) {
    lines.push('What the bench flagged (first of each, shortened):', '')
    for (const e of input.examples) lines.push(`- ${e}`)
    lines.push('')
  }
  return lines.join('\n')
}
