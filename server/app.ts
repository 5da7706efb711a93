import { serveStatic } from '@hono/node-server/serve-static'
import { createRoute, z } from '@hono/zod-openapi'
import { createBodyLimits } from './http/body-limits.js'
import { handleError, handleNotFound } from './http/error-handler.js'
import { createSecurityHeaders } from './http/security-headers.js'
import { createRequestIds } from './http/request-id.js'
import { createSameOriginGuard, type SiteOrigins } from './http/site-origin.js'
import { gradingSlot, rateLimit, tokenBudget } from './http/rate-limit-middleware.js'
import { createQuotas, DEFAULT_QUOTAS, type QuotaSettings } from './limits/quotas.js'
import { createFairQueue, queueFairly } from './limits/fair-grading-queue.js'
import { DEFAULT_GRADING_LIMITS, type GradingLimits } from './limits/grading-limits.js'
import { runOnBehalfOf } from './limits/on-behalf-of.js'
import { createRouter } from './http/openapi-hono.js'
import type { QuestionBank } from './questions/question-bank.js'
import { createGradingService, type TranscriptGrader } from './grading/grading-service.js'
import { createIdentityMiddleware } from './identity/owner-identity.js'
import { createQuestionsRoutes } from './routes/questions-routes.js'
import { createReportRoutes } from './routes/report-routes.js'
import { createSessionsRoutes } from './routes/sessions-routes.js'
import { createReportService } from './sessions/report-service.js'
import { createSessionService } from './sessions/session-service.js'
import type { SessionStore } from './sessions/session-store.js'
import { createInterviewOrchestrator } from './interview/interview-orchestrator.js'
import { createInterviewRuntime, type InterviewRuntime } from './interview/interview-runtime.js'
import { createSessionStreamRoutes } from './routes/session-stream.js'
import { createTextAnalyzer } from './text/index.js'
import { describeProvider } from './ws/provider-info.js'
import { createSessionStreamHub } from './ws/session-stream-hub.js'
import type { SocketLimits } from './ws/socket-guard.js'
import type { SessionLimits } from './interview/session-limits.js'
import type { SessionEventRelay } from './sessions/session-event-relay.js'
import { createLeaseKeeper, withLeaseFence } from './sessions/session-lease-keeper.js'

/** Everything the HTTP app needs, built by the entry file (or by a test, with fakes). */
export type AppDeps = {
  bank: QuestionBank
  /** Sessions, turns, grades and share tokens. */
  store: SessionStore
  /** The current time; injected so tests and the offline engine are reproducible. */
  clock: () => Date
  /** New ids for sessions, turns and owners (crypto.randomUUID in production). */
  newId: () => string
  /** Signs the identity cookie: SESSION_SECRET, or the one generated under DATA_DIR. */
  cookieSecret: string
  /** Grades transcripts with no network; the grader when no LLM grader is configured. */
  offlineGrader: TranscriptGrader
  /** Set when an LLM grader is configured: it grades, with the offline grader as fallback. */
  llmGrader?: TranscriptGrader
  /**
   * The interviewer (engine, offline fallback, coverage). Default: the offline engine on a
   * lexical analyzer; main.ts passes word vectors and, with OPENAI_API_KEY, the LLM engine.
   */
  interview?: InterviewRuntime
  /** Per-socket caps on the interview stream; DEFAULT_SOCKET_LIMITS when absent. */
  socketLimits?: SocketLimits
  /** Turns and text one session may hold; DEFAULT_SESSION_LIMITS when absent. */
  sessionLimits?: SessionLimits
  /** Rate limits and quotas (counted in the store's backend); DEFAULT_QUOTAS when absent. */
  quotas?: QuotaSettings
  /** The grading queue's concurrency and largest job; DEFAULT_GRADING_LIMITS when absent. */
  gradingLimits?: GradingLimits
  /** TRUST_PROXY: take the client address from X-Forwarded-For. */
  trustProxy?: boolean
  /** PUBLIC_URL and ALLOWED_ORIGINS: whose pages may change state and open streams. */
  site?: SiteOrigins
  /** One log line per API request (method, path, status, ms, request id); main.ts sets it. */
  logRequests?: boolean
  /** Folder of the built web client; omitted in API-only tests. */
  webDistDir?: string
  /**
   * Set by main.ts: this process among instances. Turns run under a session lease, gradings are
   * jobs in the store, and with a relay (Redis, Vercel KV) streams reach every instance.
   */
  instances?: {
    instanceId: string
    leaseTtlMs: number
    relay: SessionEventRelay | null
  }
}

const health = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Liveness',
  responses: {
    200: {
      description: 'The server is up',
      content: {
        'application/json': {
          schema: z.object({ status: z.literal('ok'), questions: z.number() }),
        },
      },
    },
  },
})

/** The composition root: builds the Hono app from its dependencies. */
export function createApp(deps: AppDeps) {
  const site = deps.site ?? { publicUrl: null, allowedOrigins: [] }
  // One grading service per app: the WebSocket relays its progress with grading.subscribe().
  const multi = deps.instances
  const quotas = createQuotas({
    counters: deps.store,
    settings: deps.quotas ?? DEFAULT_QUOTAS,
    now: () => deps.clock().getTime(),
  })
  // Gradings take turns across identities (by default one at a time offline, on the one grading
  // worker; a few at once with an LLM), and the LLM grader's tokens count in the identity's budget.
  const gradingLimits = deps.gradingLimits ?? DEFAULT_GRADING_LIMITS
  const offlineQueue = createFairQueue({ concurrency: gradingLimits.offlineConcurrency })
  const llmQueue = createFairQueue({ concurrency: gradingLimits.llmConcurrency })
  const grading = createGradingService({
    ...deps,
    offlineGrader: queueFairly(deps.offlineGrader, offlineQueue),
    llmGrader: deps.llmGrader && queueFairly(deps.llmGrader, llmQueue),
    runAs: (ownerId, work) =>
      runOnBehalfOf({ ownerId, chargeTokens: (n) => quotas.chargeTokens(ownerId, n) }, work),
    jobs: multi && { holder: multi.instanceId, ttlMs: multi.leaseTtlMs, clock: deps.clock },
  })
  const reports = createReportService({ ...deps, gradingStatusOf: grading.jobStatusOf })
  // The interview's WebSocket: one hub (seqs, replay log) and one orchestrator per app.
  const interview =
    deps.interview ??
    createInterviewRuntime({ questions: deps.bank.questions, analyzer: createTextAnalyzer() })
  const hub = createSessionStreamHub({ clock: deps.clock, relay: multi?.relay ?? undefined })
  const trustProxy = deps.trustProxy ?? false
  /** Interviewer turns that used an LLM are charged to their session's owner. */
  const publish: typeof hub.publish = (sessionId, message) => {
    hub.publish(sessionId, message)
    const usage = message.type === 'turn-end' ? message.turn.usage : null
    if (usage) {
      void deps.store
        .getSession(sessionId)
        .then(
          (s) => s && quotas.chargeTokens(s.ownerId, usage.promptTokens + usage.completionTokens),
        )
        .catch((err: unknown) => console.error('charging LLM tokens failed', err))
    }
  }
  const leases =
    multi &&
    createLeaseKeeper({ store: deps.store, holder: multi.instanceId, ttlMs: multi.leaseTtlMs })
  const orchestrator = createInterviewOrchestrator({
    ...deps,
    ...interview,
    // With leases, the turn's writes carry its lease token (withLeaseFence).
    store: leases ? withLeaseFence(deps.store) : deps.store,
    publish,
    leases,
    isWatched: (sessionId) => hub.subscribers(sessionId) > 0,
  })
  const sessions = createSessionService({ ...deps, endInterview: orchestrator.endNow })
  grading.subscribe((sessionId, progress) =>
    hub.publish(sessionId, { type: 'grade-progress', ...progress }),
  )
  const api = createRouter()
    .openapi(health, (c) =>
      c.json({ status: 'ok' as const, questions: deps.bank.questions.length }, 200),
    )
    .route('/questions', createQuestionsRoutes(deps.bank))
    .route('/sessions', createSessionsRoutes(sessions))
    .route('/', createReportRoutes(reports, grading, site.publicUrl, gradingLimits))
  const streams = createSessionStreamRoutes({
    ...deps,
    hub,
    orchestrator,
    provider: describeProvider(interview.engine),
    site,
    quotas,
    trustProxy,
  })

  const app = createRouter()
  // First, so every response (an error from any later middleware included) and every log line
  // of the work a request starts carries its id.
  app.use('*', createRequestIds({ logRequests: deps.logRequests ?? false }))
  // The whole policy on one screen: headers on every response (app, API, share pages), then for
  // the API a body limit checked before anything reads a body (413, unparsed), then
  // state-changing requests only from the site's own pages (403 forbidden:origin).
  app.use('*', createSecurityHeaders({ https: site.publicUrl?.startsWith('https:') ?? false }))
  app.use('/api/*', createBodyLimits())
  app.use('/api/*', createSameOriginGuard(site))
  // Before the routes: every API request knows its (anonymous) owner.
  app.use('/api/*', createIdentityMiddleware({ secret: deps.cookieSecret, newId: deps.newId }))
  // Rate limits per identity and client address (429 with Retry-After), after the identity.
  app.on(
    'POST',
    ['/api/sessions', '/api/sessions/:id/fork'],
    rateLimit(quotas, 'sessions', trustProxy),
  )
  app.on(
    'POST',
    ['/api/sessions/:id/grade', '/api/grade'],
    rateLimit(quotas, 'gradings', trustProxy),
  )
  app.on('POST', '/api/grade', gradingSlot(quotas, trustProxy))
  // With an LLM grader a grading spends tokens: none once today's budget is spent.
  if (deps.llmGrader) {
    app.on('POST', ['/api/sessions/:id/grade', '/api/grade'], tokenBudget(quotas))
  }
  app.route('/api', api)
  app.route('/api/sessions', streams)
  // Generated from the same zod schemas the routes validate with, so it cannot drift.
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Sparring API', version: '0.1.0' },
  })
  // Unknown /api paths get a JSON 404 rather than the web client's page.
  app.all('/api/*', handleNotFound)
  app.onError(handleError)
  app.notFound(handleNotFound)

  if (deps.webDistDir) {
    const root = deps.webDistDir
    app.use('/*', serveStatic({ root }))
    // Client-side routes (/q/:id, /session/:id, ...) all load the single page.
    app.get('*', serveStatic({ root, path: 'index.html' }))
  }
  return app
}

export type AppType = ReturnType<typeof createApp>
