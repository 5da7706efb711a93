import { z } from 'zod'

/** A slug: lowercase words joined by single hyphens, e.g. `the-payment-race-condition`. */
export const QuestionIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug: lowercase letters, digits and hyphens')

export const DifficultySchema = z.enum(['Low', 'Medium', 'High', 'Very High'])

/** A competency the question tests ("What is this question testing?"). */
export const CompetencySchema = z.object({
  name: z.string().min(1),
  description: z.string().min(1),
})

/** One numbered step of the answer framework. */
export const FrameworkStepSchema = z.object({
  number: z.number().int().positive(),
  name: z.string().min(1),
  description: z.string(),
})

export const FrameworkSchema = z.object({
  /** Empty when the source names no framework; an `incomplete` flag `frameworkName` says so. */
  name: z.string(),
  steps: z.array(FrameworkStepSchema).min(1, 'a framework needs at least one step'),
  keyPrinciples: z.array(z.string().min(1)).default([]),
})

/** One "why this score" criterion: the rubric the model answer's score is explained by. */
export const RubricCriterionSchema = z.object({
  name: z.string().min(1),
  description: z.string().min(1),
  /** Relative weight in the overall score; equal weights when absent. */
  weight: z.number().positive().default(1),
})

export const StatedScoreSchema = z.object({
  value: z.number().min(0),
  scale: z.number().positive(),
})

/** Parts of a question the source leaves incomplete; graders and calibration skip what is flagged. */
export const IncompleteFlagSchema = z.object({
  /** `frameworkName`: only the name is missing, the steps are usable. */
  part: z.enum(['scenario', 'competencies', 'framework', 'frameworkName', 'modelAnswer', 'rubric']),
  note: z.string().min(1),
})

/** A question of the bank, as stored in questions/<id>.md and validated at load. */
export const QuestionSchema = z.object({
  id: QuestionIdSchema,
  number: z.number().int().positive(),
  title: z.string().min(1),
  difficulty: DifficultySchema,
  role: z.string().min(1),
  level: z.string().min(1),
  companies: z.array(z.string().min(1)),
  /** The question as the interviewer asks it (the quoted headline). */
  prompt: z.string().min(1),
  /** The scenario in Markdown, as the candidate reads it. */
  scenario: z.string().min(1),
  /** The numbered things the candidate is asked to cover, when the scenario lists them. */
  requirements: z.array(z.string().min(1)).default([]),
  competencies: z.array(CompetencySchema).min(1),
  framework: FrameworkSchema,
  /** The model answer in Markdown, code in fenced blocks. Never shown before the review. */
  modelAnswer: z.string(),
  statedScore: StatedScoreSchema,
  rubric: z.array(RubricCriterionSchema).min(1),
  incomplete: z.array(IncompleteFlagSchema).default([]),
})

export type Question = z.infer<typeof QuestionSchema>
export type QuestionInput = z.input<typeof QuestionSchema>
export type Competency = z.infer<typeof CompetencySchema>
export type FrameworkStep = z.infer<typeof FrameworkStepSchema>
export type RubricCriterion = z.infer<typeof RubricCriterionSchema>
export type Difficulty = z.infer<typeof DifficultySchema>

/** The fields a candidate may see before answering: no model answer, no rubric. */
export const PublicQuestionSchema = QuestionSchema.pick({
  id: true,
  number: true,
  title: true,
  difficulty: true,
  role: true,
  level: true,
  companies: true,
  prompt: true,
  scenario: true,
  requirements: true,
  competencies: true,
  framework: true,
})
export type PublicQuestion = z.infer<typeof PublicQuestionSchema>

export function toPublicQuestion(question: Question): PublicQuestion {
  return PublicQuestionSchema.parse(question)
}

/**
 * One card of the library (`GET /api/questions`): no scenario, framework, answer or rubric.
 * `topics` is what the library's search reads beyond the card's own text: what each competency
 * asks about and the framework's step names, descriptions and principles (all public on the
 * question page), so "idempotency" or "saga" finds the questions about them.
 */
export const QuestionListingSchema = PublicQuestionSchema.pick({
  id: true,
  number: true,
  title: true,
  difficulty: true,
  role: true,
  level: true,
  companies: true,
  prompt: true,
}).extend({ competencies: z.array(z.string()), topics: z.array(z.string()).default([]) })
export type QuestionListing = z.infer<typeof QuestionListingSchema>

export function toQuestionListing(question: Question): QuestionListing {
  return QuestionListingSchema.parse({
    ...question,
    competencies: question.competencies.map((c) => c.name),
    topics: [
      ...question.competencies.map((c) => c.description),
      ...question.framework.steps.flatMap((s) => [s.name, s.description]),
      ...question.framework.keyPrinciples,
    ].filter((text) => text.trim().length > 0),
  })
}
