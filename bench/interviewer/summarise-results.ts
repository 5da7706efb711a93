import type { QuestionResult } from './run-bench.js'

/** The figures of one question (or of all of them), summed over its interviews. */
export type ResultSummary = {
  label: string
  interviews: number
  followUps: number
  redundant: number
  repeats: number
  quotesReused: number
  leaks: number
  promptEchoes: number
  markupShown: number
  multiQuestion: number
  /** Steps some follow-up aimed at, over all interviews, and the framework's step count. */
  stepsProbed: number
  steps: number
  /** Steps the weak candidate (who covers nothing) was asked about. */
  stepsProbedWeak: number
  clarifications: number
  clarificationsRight: number
}

export function summariseQuestion(result: QuestionResult): ResultSummary {
  const sum = (pick: (f: QuestionResult['runs'][number]['figures']) => number) =>
    result.runs.reduce((total, run) => total + pick(run.figures), 0)
  const probed = new Set(result.runs.flatMap((r) => [...r.figures.stepsProbed]))
  const weak = result.runs.find((r) => r.kind === 'weak')
  return {
    label: `${result.question.number}. ${result.question.title}`,
    interviews: result.runs.length,
    followUps: sum((f) => f.followUps),
    redundant: sum((f) => f.redundant),
    repeats: sum((f) => f.repeats),
    quotesReused: sum((f) => f.quotesReused),
    leaks: sum((f) => f.leaks),
    promptEchoes: sum((f) => f.promptEchoes),
    markupShown: sum((f) => f.markupShown),
    multiQuestion: sum((f) => f.multiQuestion),
    stepsProbed: probed.size,
    steps: result.question.framework.steps.length,
    stepsProbedWeak: weak ? weak.figures.stepsProbed.size : 0,
    clarifications: sum((f) => f.clarifications),
    clarificationsRight: sum((f) => f.clarificationsRight),
  }
}

export function totalOf(rows: readonly ResultSummary[]): ResultSummary {
  const add = (pick: (r: ResultSummary) => number) => rows.reduce((t, r) => t + pick(r), 0)
  return {
    label: 'All questions',
    interviews: add((r) => r.interviews),
    followUps: add((r) => r.followUps),
    redundant: add((r) => r.redundant),
    repeats: add((r) => r.repeats),
    quotesReused: add((r) => r.quotesReused),
    leaks: add((r) => r.leaks),
    promptEchoes: add((r) => r.promptEchoes),
    markupShown: add((r) => r.markupShown),
    multiQuestion: add((r) => r.multiQuestion),
    stepsProbed: add((r) => r.stepsProbed),
    steps: add((r) => r.steps),
    stepsProbedWeak: add((r) => r.stepsProbedWeak),
    clarifications: add((r) => r.clarifications),
    clarificationsRight: add((r) => r.clarificationsRight),
  }
}

/** The redundant share in percent, one decimal. */
export function redundantShare(r: ResultSummary): string {
  return r.followUps === 0 ? '0.0%' : `${((100 * r.redundant) / r.followUps).toFixed(1)}%`
}
