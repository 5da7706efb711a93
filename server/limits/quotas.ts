import type { CounterStore } from '../sessions/counter-store.js'

/** Rate limits and quotas; every one configurable through env (see env.ts). */
export type QuotaSettings = {
  sessionsPerMinute: number
  answersPerMinute: number
  gradingsPerHour: number
  concurrentGradings: number
  /** LLM tokens (prompt + completion) one identity may spend per UTC day; 0 for no limit. */
  llmDailyTokenBudget: number
  /** A client address may do this many times what one identity may (several people behind one NAT). */
  addressFactor: number
}

export const DEFAULT_QUOTAS: QuotaSettings = {
  sessionsPerMinute: 10,
  answersPerMinute: 30,
  gradingsPerHour: 20,
  concurrentGradings: 2,
  llmDailyTokenBudget: 500_000,
  addressFactor: 5,
}

/** Who is asking: the signed identity and the client address. */
export type Requester = { ownerId: string; address: string }

export type QuotaRefusal = {
  ok: false
  code: string
  message: string
  /** Seconds until asking again can succeed (the Retry-After header). */
  retryAfterSeconds: number
}
export type QuotaResult = { ok: true } | QuotaRefusal

type RateName = 'sessions' | 'answers' | 'gradings'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const RATES: Record<RateName, { windowMs: number; what: string; per: string }> = {
  sessions: { windowMs: MINUTE, what: 'new sessions', per: 'a minute' },
  answers: { windowMs: MINUTE, what: 'answers', per: 'a minute' },
  gradings: { windowMs: HOUR, what: 'gradings', per: 'an hour' },
}

/** How long a concurrency slot may be held before it is taken as leaked (a crashed run). */
const SLOT_TTL_MS = 10 * MINUTE

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`
const wait = (seconds: number) =>
  seconds < 90 ? plural(seconds, 'second') : plural(Math.ceil(seconds / 60), 'minute')

/**
 * Rate limits (fixed windows) and quotas per identity and per client address, counted in the
 * session store's backend (CounterStore) so they hold across instances. Expected refusals are
 * results with a message for the candidate and a Retry-After.
 */
export function createQuotas(deps: {
  counters: CounterStore
  settings: QuotaSettings
  now: () => number
}) {
  const { counters, settings } = deps
  const limitOf: Record<RateName, number> = {
    sessions: settings.sessionsPerMinute,
    answers: settings.answersPerMinute,
    gradings: settings.gradingsPerHour,
  }

  /** One more in the current window of `name`, for the identity and for the address. */
  async function take(name: RateName, who: Requester): Promise<QuotaResult> {
    const { windowMs, what, per } = RATES[name]
    const now = deps.now()
    const window = Math.floor(now / windowMs)
    const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000))
    const limit = limitOf[name]
    const [byOwner, byAddress] = await Promise.all([
      counters.addToCounter(`${name}:owner:${who.ownerId}:${window}`, 1, windowMs),
      counters.addToCounter(`${name}:addr:${who.address}:${window}`, 1, windowMs),
    ])
    if (byOwner <= limit && byAddress <= limit * settings.addressFactor) return { ok: true }
    const fromHere = byOwner <= limit ? ' from your network' : ''
    return {
      ok: false,
      code: `rate_limit:${name}`,
      message: `Too many ${what}${fromHere}: at most ${byOwner <= limit ? limit * settings.addressFactor : limit} ${per}. Try again in ${wait(retryAfterSeconds)}.`,
      retryAfterSeconds,
    }
  }

  return {
    take,

    /**
     * A slot among the identity's concurrent gradings; `release` gives it back. Refused when
     * all are taken (the slot's counter expires on its own if a run dies without releasing).
     */
    async acquireGrading(
      who: Requester,
    ): Promise<{ ok: true; release: () => Promise<void> } | QuotaRefusal> {
      const key = `gradings-running:owner:${who.ownerId}`
      const running = await counters.addToCounter(key, 1, SLOT_TTL_MS)
      const release = async () => void (await counters.addToCounter(key, -1, SLOT_TTL_MS))
      if (running <= settings.concurrentGradings) return { ok: true, release }
      await release()
      return {
        ok: false,
        code: 'rate_limit:concurrent_gradings',
        message: `At most ${plural(settings.concurrentGradings, 'grading')} at a time: wait for one to finish.`,
        retryAfterSeconds: 10,
      }
    },

    /** Whether the identity has LLM tokens left today. */
    async checkTokens(ownerId: string): Promise<QuotaResult> {
      if (settings.llmDailyTokenBudget === 0) return { ok: true }
      const { key, retryAfterSeconds } = tokenDay(ownerId, deps.now())
      const spent = await counters.addToCounter(key, 0, DAY)
      if (spent < settings.llmDailyTokenBudget) return { ok: true }
      return {
        ok: false,
        code: 'quota:llm_tokens',
        message: `Today's LLM budget of ${settings.llmDailyTokenBudget.toLocaleString('en')} tokens is spent. Try again in ${wait(retryAfterSeconds)}.`,
        retryAfterSeconds,
      }
    },

    /** Counts tokens an LLM call spent for the identity. */
    async chargeTokens(ownerId: string, tokens: number): Promise<void> {
      if (settings.llmDailyTokenBudget === 0 || tokens <= 0) return
      await counters.addToCounter(tokenDay(ownerId, deps.now()).key, tokens, DAY)
    },
  }
}

export type Quotas = ReturnType<typeof createQuotas>

function tokenDay(ownerId: string, now: number) {
  const day = Math.floor(now / DAY)
  return {
    key: `llm-tokens:owner:${ownerId}:${day}`,
    retryAfterSeconds: Math.max(1, Math.ceil(((day + 1) * DAY - now) / 1000)),
  }
}
