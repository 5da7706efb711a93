import { z } from 'zod'
import { PublicQuestionSchema } from '../../../../server/questions/question-schema.js'

/**
 * The question shapes the client reads, taken from the server's own schemas so they cannot drift.
 * Kept apart from the session and protocol contracts so the library page loads only this one.
 */
export {
  DifficultySchema,
  PublicQuestionSchema,
  QuestionSchema,
  type Difficulty,
  type PublicQuestion,
  type Question,
} from '../../../../server/questions/question-schema.js'

/** One card of the library: `GET /api/questions`. */
export const QuestionListingSchema = PublicQuestionSchema.pick({
  id: true,
  number: true,
  title: true,
  difficulty: true,
  role: true,
  level: true,
  companies: true,
  prompt: true,
}).extend({ competencies: z.array(z.string()) })
export type QuestionListing = z.infer<typeof QuestionListingSchema>

export const QuestionListResponseSchema = z.object({ questions: z.array(QuestionListingSchema) })
