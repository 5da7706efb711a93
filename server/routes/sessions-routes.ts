import { createRoute, z } from '@hono/zod-openapi'
import { AppError, notFound } from '../http/app-error.js'
import { ErrorResponseSchema } from '../http/error-schema.js'
import { createRouter } from '../http/openapi-hono.js'
import { SessionSchema, TurnSchema } from '../sessions/session-schema.js'
import {
  SessionSummarySchema,
  StartSessionInputSchema,
  toTranscriptView,
  type SessionFailure,
  type SessionResult,
  type SessionService,
} from '../sessions/session-service.js'

const SessionWithTurnsSchema = SessionSchema.extend({ turns: z.array(TurnSchema) })
const IdParamSchema = z.object({ id: z.string().min(1).max(100) })
const ListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().min(1).max(500).optional(),
})
const ForkBodySchema = z.object({ uptoSeq: z.number().int().positive() })

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
const errors = {
  400: json(ErrorResponseSchema, 'Bad request'),
  404: json(ErrorResponseSchema, 'No such session (or not yours), or no such question'),
}

/** Maps a domain failure to the one error vocabulary. */
function toAppError(failure: SessionFailure): AppError {
  switch (failure.kind) {
    case 'not_found':
      return notFound(failure.subject, failure.id)
    case 'invalid':
      return new AppError(400, `invalid:${failure.field}`, failure.message)
    case 'conflict':
      return new AppError(
        409,
        `conflict:${failure.subject}`,
        `Session "${failure.id}" is still active: end it first.`,
      )
  }
}

/** The value of a successful result; a failure is thrown for app.onError to render. */
export function unwrap<T>(result: SessionResult<T>): T {
  if (!result.ok) throw toAppError(result.failure)
  return result.value
}

const startSession = createRoute({
  method: 'post',
  path: '/',
  summary: 'Start a mock interview or a drill on one focus',
  request: { body: { content: { 'application/json': { schema: StartSessionInputSchema } } } },
  responses: { 201: json(SessionSchema, 'The new session'), ...errors },
})

const listSessions = createRoute({
  method: 'get',
  path: '/',
  summary: 'My sessions, newest first, paged with `cursor`',
  request: { query: ListQuerySchema },
  responses: {
    200: json(
      z.object({ items: z.array(SessionSummarySchema), nextCursor: z.string().nullable() }),
      'A page of sessions',
    ),
    ...errors,
  },
})

const getSession = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'A session with its transcript (hidden notes only once it has ended)',
  request: { params: IdParamSchema },
  responses: { 200: json(SessionWithTurnsSchema, 'The session'), ...errors },
})

const endSession = createRoute({
  method: 'post',
  path: '/{id}/end',
  summary: 'End the interview (ending twice is harmless)',
  request: { params: IdParamSchema },
  responses: { 200: json(SessionSchema, 'The ended session'), ...errors },
})

const forkSession = createRoute({
  method: 'post',
  path: '/{id}/fork',
  summary: 'Retry from here: a new session with the turns up to and including `uptoSeq`',
  request: {
    params: IdParamSchema,
    body: { content: { 'application/json': { schema: ForkBodySchema } } },
  },
  responses: { 201: json(SessionWithTurnsSchema, 'The new session'), ...errors },
})

/** `/api/sessions`: every route acts for the cookie's owner; others' sessions are 404. */
export function createSessionsRoutes(sessions: SessionService) {
  return createRouter()
    .openapi(startSession, async (c) => {
      const session = unwrap(await sessions.startSession(c.get('ownerId'), c.req.valid('json')))
      return c.json(session, 201)
    })
    .openapi(listSessions, async (c) => {
      const page = unwrap(await sessions.listOwnSessions(c.get('ownerId'), c.req.valid('query')))
      return c.json(page, 200)
    })
    .openapi(getSession, async (c) => {
      const session = unwrap(
        await sessions.getOwnSession(c.get('ownerId'), c.req.valid('param').id),
      )
      return c.json(toTranscriptView(session), 200)
    })
    .openapi(endSession, async (c) => {
      const ended = unwrap(await sessions.endSession(c.get('ownerId'), c.req.valid('param').id))
      return c.json(ended, 200)
    })
    .openapi(forkSession, async (c) => {
      const { id } = c.req.valid('param')
      const { uptoSeq } = c.req.valid('json')
      const forked = unwrap(await sessions.forkSession(c.get('ownerId'), id, uptoSeq))
      return c.json(toTranscriptView(forked), 201)
    })
}
