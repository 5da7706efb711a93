import { createRoute, z } from '@hono/zod-openapi'
import { GradableTranscriptSchema, GradeSchema } from '../grading/grade-schema.js'
import type { GradingService } from '../grading/grading-service.js'
import { AppError, notFound } from '../http/app-error.js'
import {
  DEFAULT_GRADING_LIMITS,
  transcriptBodyBytes,
  type GradingLimits,
} from '../limits/grading-limits.js'
import { limitBody } from '../http/body-limits.js'
import { ErrorResponseSchema } from '../http/error-schema.js'
import { createRouter } from '../http/openapi-hono.js'
import { renderReportMarkdown } from '../sessions/report-markdown.js'
import type { ReportService } from '../sessions/report-service.js'
import { SessionReportSchema } from '../sessions/session-report.js'
import { unwrap } from './sessions-routes.js'

const IdParamSchema = z.object({ id: z.string().min(1).max(100) })
const TokenParamSchema = z.object({ token: z.string().min(1).max(100) })
const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
const errors = {
  404: json(ErrorResponseSchema, 'No such session (or not yours)'),
  409: json(ErrorResponseSchema, 'The session is still active'),
}

const startGrading = createRoute({
  method: 'post',
  path: '/sessions/{id}/grade',
  summary: 'Grade an ended session in the background; progress also arrives on its WebSocket',
  request: { params: IdParamSchema },
  responses: {
    202: json(
      z.object({
        status: z.enum(['started', 'already-running']),
        grader: z.enum(['offline', 'llm']),
      }),
      'Grading started (or was already running)',
    ),
    ...errors,
  },
})

const getReport = createRoute({
  method: 'get',
  path: '/sessions/{id}/report',
  summary: 'Transcript, grade, model answer and rubric of an ended session',
  request: { params: IdParamSchema },
  responses: { 200: json(SessionReportSchema, 'The report'), ...errors },
})

const exportJson = createRoute({
  method: 'get',
  path: '/sessions/{id}/report.json',
  summary: 'The report as a JSON download',
  request: { params: IdParamSchema },
  responses: { 200: json(SessionReportSchema, 'The report, as an attachment'), ...errors },
})

const exportMarkdown = createRoute({
  method: 'get',
  path: '/sessions/{id}/report.md',
  summary: 'The report as a Markdown download, evidence quoted verbatim',
  request: { params: IdParamSchema },
  responses: {
    200: {
      description: 'The report, as an attachment',
      content: { 'text/markdown': { schema: z.string() } },
    },
    ...errors,
  },
})

const shareReport = createRoute({
  method: 'post',
  path: '/sessions/{id}/share',
  summary: 'A read-only link to the report; replaces any earlier link',
  request: { params: IdParamSchema },
  responses: {
    201: json(z.object({ url: z.string(), token: z.string() }), 'The share link'),
    ...errors,
  },
})

const revokeShare = createRoute({
  method: 'delete',
  path: '/sessions/{id}/share',
  summary: 'Revoke the share link',
  request: { params: IdParamSchema },
  responses: { 204: { description: 'Revoked (or there was none)' }, ...errors },
})

const getShared = createRoute({
  method: 'get',
  path: '/shared/{token}',
  summary: 'A shared report, read-only; 404 once revoked',
  request: { params: TokenParamSchema },
  responses: { 200: json(SessionReportSchema, 'The report'), 404: errors[404] },
})

/** A pasted transcript may be long; its body limit follows the job size (GRADING_MAX_CHARS). */
const gradeTranscriptRoute = (maxBodyBytes: number) =>
  createRoute({
    method: 'post',
    path: '/grade',
    summary: 'Grade a pasted transcript for a question of the bank, now',
    middleware: [limitBody(maxBodyBytes, 'A transcript')] as const,
    request: { body: { content: { 'application/json': { schema: GradableTranscriptSchema } } } },
    responses: {
      200: json(GradeSchema, 'The grade'),
      400: json(ErrorResponseSchema, 'Not a transcript'),
      404: json(ErrorResponseSchema, 'No such question'),
    },
  })

const attachment = (name: string) => ({ 'content-disposition': `attachment; filename="${name}"` })

/** Grading, reports, exports and share links, mounted at `/api`. */
export function createReportRoutes(
  reports: ReportService,
  grading: GradingService,
  /** PUBLIC_URL: share links are absolute on it, else relative (never built from Host). */
  publicUrl: string | null,
  /** The largest grading job (GRADING_MAX_CHARS). */
  limits: Pick<GradingLimits, 'maxTranscriptChars'> = DEFAULT_GRADING_LIMITS,
) {
  const maxChars = limits.maxTranscriptChars
  return createRouter()
    .openapi(startGrading, async (c) => {
      const { id } = c.req.valid('param')
      const session = unwrap(await reports.findOwnEnded(c.get('ownerId'), id))
      const status = grading.startGrading(session)
      if (status === 'unknown-question') throw notFound('question', session.questionId)
      return c.json({ status, grader: grading.graderKind() }, 202)
    })
    .openapi(getReport, async (c) => {
      const report = unwrap(await reports.getOwnReport(c.get('ownerId'), c.req.valid('param').id))
      return c.json(report, 200)
    })
    .openapi(exportJson, async (c) => {
      const { id } = c.req.valid('param')
      const report = unwrap(await reports.getOwnReport(c.get('ownerId'), id))
      return c.json(report, 200, attachment(`sparring-${id}.json`))
    })
    .openapi(exportMarkdown, async (c) => {
      const { id } = c.req.valid('param')
      const report = unwrap(await reports.getOwnReport(c.get('ownerId'), id))
      return c.body(renderReportMarkdown(report), 200, {
        'content-type': 'text/markdown; charset=utf-8',
        ...attachment(`sparring-${id}.md`),
      })
    })
    .openapi(shareReport, async (c) => {
      const { token } = unwrap(await reports.shareReport(c.get('ownerId'), c.req.valid('param').id))
      const path = `/shared/${token}`
      const url = publicUrl ? new URL(path, publicUrl).href : path
      return c.json({ url, token }, 201)
    })
    .openapi(revokeShare, async (c) => {
      unwrap(await reports.revokeShare(c.get('ownerId'), c.req.valid('param').id))
      return c.body(null, 204)
    })
    .openapi(getShared, async (c) => {
      const report = unwrap(await reports.getSharedReport(c.req.valid('param').token))
      return c.json(report, 200)
    })
    .openapi(gradeTranscriptRoute(transcriptBodyBytes(maxChars)), async (c) => {
      const transcript = c.req.valid('json')
      // A job's size is bounded like a session's transcript: a 2 MB paste held the one grading
      // worker for half a minute while others waited.
      const chars = transcript.turns.reduce((sum, t) => sum + t.text.length, 0)
      if (chars > maxChars) {
        const limit = maxChars.toLocaleString('en')
        throw new AppError(
          413,
          'too_large:transcript',
          `A transcript may hold at most ${limit} characters of text.`,
        )
      }
      const result = await grading.gradeTranscript(transcript, c.get('ownerId'))
      if (!result.ok) throw notFound('question', result.failure.id)
      return c.json(result.grade, 200)
    })
}
