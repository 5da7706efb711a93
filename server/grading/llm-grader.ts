import { LlmError, type ChatMessage, type LlmClient } from '../llm/llm-client.js'
import type { Question } from '../questions/question-schema.js'
import type { PromptLibrary } from '../prompts/prompt-library.js'
import type { Grade, GradableTranscript } from './grade-schema.js'
import { GradeSchema } from './grade-schema.js'
import { computeOverall } from './overall-score.js'
import { verifyEvidence } from './verify-evidence.js'
import { removeQuestionClaims } from './claims-filter.js'
import { ignoredClaimsNote, penaliseClaims } from './claims-penalty.js'
import { shareSameNamedGrades } from './same-named-grades.js'
import type { IgnoredClaim } from './grade-schema.js'
import { graderJsonSchema, parseGraderOutput, type LlmGradeOutput } from './llm-grader-output.js'
import { GRADER_PROMPTS, buildGraderMessages, buildRepairMessages } from './llm-grader-prompts.js'
import { mergeSamples } from './llm-grader-samples.js'

export type LlmGraderDeps = {
  llm: LlmClient
  prompts: PromptLibrary
  clock: () => Date
  /** GRADER_MODEL; the client's default model when absent. */
  model?: string
  /** GRADER_SAMPLES: independent gradings merged by median; 1 by default. */
  samples?: number
}

/** A grade, or why there is none: expected failures are results, not throws. */
export type LlmGradeOutcome =
  | { ok: true; grade: Grade }
  | { ok: false; code: 'invalid_output'; message: string; errors: string[] }
  | { ok: false; code: 'provider_error'; message: string; error: LlmError }

type Sample = { ok: true; output: LlmGradeOutput; model: string } | { ok: false; errors: string[] }

/**
 * The LLM grader: a fresh context per sample, structured output at temperature 0, zod validation
 * with one repair attempt, k samples merged by median, quotes verified in code and the overall
 * computed in code from the rubric weights.
 */
export function createLlmGrader(deps: LlmGraderDeps) {
  const samples = Math.max(1, deps.samples ?? 1)
  const jsonSchema = graderJsonSchema()

  async function gradeOnce(question: Question, messages: ChatMessage[], signal?: AbortSignal) {
    const ask = (msgs: ChatMessage[]) =>
      deps.llm.completeJson({
        messages: msgs,
        model: deps.model,
        temperature: 0,
        schemaName: 'interview_grade',
        jsonSchema,
        signal,
      })
    const first = await ask(messages)
    const parsed = parseGraderOutput(first.text, question)
    if (parsed.ok) return { ok: true, output: parsed.value, model: first.model } satisfies Sample
    const repaired = await ask(
      buildRepairMessages(deps.prompts, messages, first.text, parsed.errors),
    )
    const second = parseGraderOutput(repaired.text, question)
    if (second.ok) return { ok: true, output: second.value, model: repaired.model } satisfies Sample
    return { ok: false, errors: second.errors } satisfies Sample
  }

  return {
    async grade(
      question: Question,
      submitted: GradableTranscript,
      signal?: AbortSignal,
    ): Promise<LlmGradeOutcome> {
      // The model never sees a claim about the grade, and a quote of one cannot survive the check
      // below, which reads the transcript without them.
      const { transcript, ignored } = removeQuestionClaims(question, submitted)
      const messages = buildGraderMessages(deps.prompts, question, transcript)
      let results: Sample[]
      try {
        results = await Promise.all(
          Array.from({ length: samples }, () => gradeOnce(question, messages, signal)),
        )
      } catch (error) {
        if (!(error instanceof LlmError)) throw error
        return { ok: false, code: 'provider_error', message: error.message, error }
      }
      const valid = results.flatMap((r) => (r.ok ? [r] : []))
      if (valid.length === 0) {
        const errors = results.flatMap((r) => (r.ok ? [] : r.errors))
        return {
          ok: false,
          code: 'invalid_output',
          message: 'The grader model returned an invalid grade twice (after one repair attempt)',
          errors,
        }
      }
      return {
        ok: true,
        grade: assembleGrade(question, transcript, valid, deps, samples, ignored),
      }
    },
  }
}

function assembleGrade(
  question: Question,
  transcript: GradableTranscript,
  valid: Array<{ output: LlmGradeOutput; model: string }>,
  deps: LlmGraderDeps,
  requested: number,
  ignored: IgnoredClaim[],
): Grade {
  const merged = mergeSamples(valid.map((v) => v.output))
  const criteria = penaliseClaims(verifyEvidence(merged.criteria, transcript), ignored)
  const competencies = penaliseClaims(verifyEvidence(merged.competencies, transcript), ignored)
  // A competency named like a rubric criterion is that criterion: one grade, one score.
  const sharedCompetencies = shareSameNamedGrades(criteria.criteria, competencies.criteria)
  return GradeSchema.parse({
    questionId: question.id,
    criteria: criteria.criteria,
    competencies: sharedCompetencies,
    framework: question.framework.steps.map((s) => ({
      step: s.number,
      name: s.name,
      coverage: merged.framework.get(s.number) ?? 'none',
    })),
    overall: computeOverall(criteria.criteria, question.rubric),
    strengths: merged.strengths,
    gaps: ignored.length > 0 ? [ignoredClaimsNote(ignored), ...merged.gaps] : merged.gaps,
    nextSteps: merged.nextSteps,
    droppedQuotes: criteria.dropped + competencies.dropped,
    ignored,
    grader: {
      kind: 'llm',
      model: valid[0]!.model,
      promptVersion: deps.prompts.version(...GRADER_PROMPTS),
      // Samples that produced a valid grade; fewer than requested when some failed twice.
      samples: Math.min(valid.length, requested),
    },
    gradedAt: deps.clock().toISOString(),
  })
}
