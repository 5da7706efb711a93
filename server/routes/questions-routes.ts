import { createRoute, z } from '@hono/zod-openapi'
import { notFound } from '../http/app-error.js'
import { ErrorResponseSchema } from '../http/error-schema.js'
import { createRouter } from '../http/openapi-hono.js'
import type { QuestionBank } from '../questions/question-bank.js'
import {
  DifficultySchema,
  PublicQuestionSchema,
  QuestionIdSchema,
  QuestionListingSchema,
  toPublicQuestion,
  toQuestionListing,
} from '../questions/question-schema.js'

const ListQuerySchema = z.object({
  difficulty: DifficultySchema.optional(),
  role: z.string().min(1).max(100).optional(),
  level: z.string().min(1).max(100).optional(),
  company: z.string().min(1).max(100).optional(),
  q: z.string().min(1).max(200).optional(),
})

const listQuestions = createRoute({
  method: 'get',
  path: '/',
  summary: 'List the bank, filtered; no model answers or rubrics',
  request: { query: ListQuerySchema },
  responses: {
    200: {
      description: 'Matching questions',
      content: {
        'application/json': { schema: z.object({ questions: z.array(QuestionListingSchema) }) },
      },
    },
    400: {
      description: 'Bad query',
      content: { 'application/json': { schema: ErrorResponseSchema } },
    },
  },
})

const getQuestion = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'One question as a candidate sees it before answering',
  request: { params: z.object({ id: QuestionIdSchema }) },
  responses: {
    200: {
      description: 'The question',
      content: { 'application/json': { schema: PublicQuestionSchema } },
    },
    400: {
      description: 'Bad id',
      content: { 'application/json': { schema: ErrorResponseSchema } },
    },
    404: {
      description: 'No such question',
      content: { 'application/json': { schema: ErrorResponseSchema } },
    },
  },
})

export function createQuestionsRoutes(bank: QuestionBank) {
  return createRouter()
    .openapi(listQuestions, (c) => {
      const questions = bank.list(c.req.valid('query')).map(toQuestionListing)
      return c.json({ questions }, 200)
    })
    .openapi(getQuestion, (c) => {
      const { id } = c.req.valid('param')
      const question = bank.get(id)
      if (!question) throw notFound('question', id)
      return c.json(toPublicQuestion(question), 200)
    })
}
