import { z } from 'zod'
import { QuestionListingSchema } from '../../../../server/questions/question-schema.js'

/**
 * The question shapes the client reads, taken from the server's own schemas so they cannot drift.
 * Kept apart from the session and protocol contracts so the library page loads only this one.
 */
export {
  DifficultySchema,
  PublicQuestionSchema,
  QuestionListingSchema,
  QuestionSchema,
  type Difficulty,
  type QuestionListing,
  type PublicQuestion,
  type Question,
} from '../../../../server/questions/question-schema.js'

export const QuestionListResponseSchema = z.object({ questions: z.array(QuestionListingSchema) })
