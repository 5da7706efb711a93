import { z } from 'zod'

/** A verbatim quote from a candidate turn, checked in code to occur in that turn. */
export const EvidenceSchema = z.object({
  turnId: z.string().min(1),
  quote: z.string().min(1),
})

export const CriterionVerdictSchema = z.enum(['scored', 'insufficient-evidence'])

/** The grade of one rubric criterion or competency: evidence first, then rationale, then score. */
export const CriterionGradeSchema = z.object({
  name: z.string().min(1),
  evidence: z.array(EvidenceSchema),
  rationale: z.string(),
  missing: z.string(),
  score: z.number().min(0).max(10),
  verdict: CriterionVerdictSchema,
  /** With k samples: max - min of the sampled scores; 0 for a single sample. */
  spread: z.number().min(0).default(0),
})

/**
 * A sentence (or a run of them) the graders left out because it claims a grade instead of
 * answering: it asserts the answer's quality or score, says criteria are met, or addresses the
 * grader, the system or the question's author. Verbatim, with the turn it came from.
 */
export const IgnoredClaimSchema = z.object({
  turnId: z.string().min(1),
  text: z.string().min(1),
})

export const StepCoverageSchema = z.object({
  step: z.number().int().positive(),
  name: z.string(),
  coverage: z.enum(['none', 'partial', 'full']),
})

/** One grade schema for every grader, LLM or offline. */
export const GradeSchema = z.object({
  questionId: z.string(),
  /** Per "why this score" rubric criterion. */
  criteria: z.array(CriterionGradeSchema),
  /** Per "what it tests" competency. */
  competencies: z.array(CriterionGradeSchema),
  framework: z.array(StepCoverageSchema),
  /** Out of 10, computed in code from the criteria and their weights; never taken from a model. */
  overall: z.number().min(0).max(10),
  strengths: z.array(z.string()),
  gaps: z.array(z.string()),
  nextSteps: z.array(z.string()).length(3),
  /** Quotes a grader gave that were not verbatim in the candidate's turns, dropped. */
  droppedQuotes: z.number().int().nonnegative(),
  /** Claims cut from the candidate's turns before grading: they earn nothing and are never quoted. */
  ignored: z.array(IgnoredClaimSchema).default([]),
  grader: z.object({
    kind: z.enum(['offline', 'llm']),
    model: z.string(),
    promptVersion: z.string(),
    samples: z.number().int().positive(),
  }),
  gradedAt: z.string(),
})

export type Evidence = z.infer<typeof EvidenceSchema>
export type CriterionGrade = z.infer<typeof CriterionGradeSchema>
export type IgnoredClaim = z.infer<typeof IgnoredClaimSchema>
export type StepCoverage = z.infer<typeof StepCoverageSchema>
export type Grade = z.infer<typeof GradeSchema>

/** A transcript to grade: the candidate's and the interviewer's turns, in order. */
export const GradableTranscriptSchema = z.object({
  questionId: z.string().min(1),
  turns: z
    .array(
      z.object({
        id: z.string().min(1),
        role: z.enum(['interviewer', 'candidate']),
        text: z.string().max(100_000),
      }),
    )
    .max(500),
})
export type GradableTranscript = z.infer<typeof GradableTranscriptSchema>
