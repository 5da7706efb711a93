import type { Question } from '../../server/questions/question-schema.js'
import { CANDIDATE_KINDS, createCandidate, type CandidateKind } from './candidate-kinds.js'
import { CANDIDATE_SCRIPTS, type QuestionScript } from './candidate-scripts.js'
import { judgeInterview, type InterviewFigures } from './judge-interview.js'
import { runInterview, type InterviewRecord } from './run-interview.js'
import {
  createDrillCandidate,
  DRILL_KINDS,
  drillStepOf,
  type DrillKind,
} from './drill-candidates.js'
import { judgeDrill, type DrillFigures } from './judge-drill.js'

/** Enough follow-ups for a listening interviewer to reach every step of the longest framework. */
export const BENCH_FOLLOW_UP_BUDGET = 8

export type KindResult = {
  kind: CandidateKind
  figures: InterviewFigures
  endedBy: string
  /** The whole interview, for --explain. */
  record: InterviewRecord
}
export type QuestionResult = { question: Question; runs: KindResult[] }

/** Every candidate kind on every given question, one interview at a time, over the server at `port`. */
export async function runCandidates(input: {
  port: number
  questions: readonly Question[]
  kinds?: readonly CandidateKind[]
  /** The candidates' scripts; the bench's own (CANDIDATE_SCRIPTS) by default. */
  scripts?: readonly QuestionScript[]
  /** Framework steps a step answer goes through at once (createCandidate); 1 by default. */
  stepsPerReply?: number
}): Promise<QuestionResult[]> {
  const results: QuestionResult[] = []
  for (const question of input.questions) {
    const script = (input.scripts ?? CANDIDATE_SCRIPTS).find((s) => s.questionId === question.id)
    if (!script) throw new Error(`no candidate script for ${question.id}`)
    const runs: KindResult[] = []
    for (const kind of input.kinds ?? CANDIDATE_KINDS) {
      const record = await runInterview({
        port: input.port,
        questionId: question.id,
        candidate: createCandidate(kind, script, { stepsPerReply: input.stepsPerReply }),
        followUpBudget: BENCH_FOLLOW_UP_BUDGET,
      })
      runs.push({
        kind,
        figures: judgeInterview(question, record),
        endedBy: record.endedBy,
        record,
      })
    }
    results.push({ question, runs })
  }
  return results
}

/** Reps a drill runs before the interviewer closes it: rapid follow-ups on one step. */
export const DRILL_REPS = 8

export type DrillRunResult = { kind: DrillKind; step: number; figures: DrillFigures }
export type DrillQuestionResult = { question: Question; runs: DrillRunResult[] }

/** Every drill candidate on every given question, drilling the question's weak step. */
export async function runDrills(input: {
  port: number
  questions: readonly Question[]
}): Promise<DrillQuestionResult[]> {
  const results: DrillQuestionResult[] = []
  for (const question of input.questions) {
    const script = CANDIDATE_SCRIPTS.find((s) => s.questionId === question.id)
    if (!script) throw new Error(`no candidate script for ${question.id}`)
    const step = drillStepOf(question)
    const runs: DrillRunResult[] = []
    for (const kind of DRILL_KINDS) {
      const record = await runInterview({
        port: input.port,
        questionId: question.id,
        candidate: createDrillCandidate(kind, script, step),
        followUpBudget: DRILL_REPS,
        drill: { focus: `step:${step}` },
      })
      runs.push({ kind, step, figures: judgeDrill(question, step, record) })
    }
    results.push({ question, runs })
  }
  return results
}
