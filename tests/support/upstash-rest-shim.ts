import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { Redis } from 'ioredis'

export type UpstashRestShim = {
  url: string
  token: string
  /** What clients asked of it so far: HTTP requests, and Redis commands inside them. */
  stats: { requests: number; commands: number }
  stop(): Promise<void>
}

type Command = [string, ...unknown[]]

/**
 * Upstash's REST API in front of a real Redis, as @vercel/kv speaks it (stack.md section 4):
 * `POST /` one command, `POST /pipeline` a batch, `POST /multi-exec` a transaction, a bearer
 * token, and with `Upstash-Encoding: base64` every bulk string base64-encoded (nested ones too).
 * Listens on 127.0.0.1, port 0.
 */
export async function startUpstashRestShim(
  redisUrl: string,
  token = 'test-token',
): Promise<UpstashRestShim> {
  const redis = new Redis(redisUrl)
  const run = ([name, ...args]: Command) => redis.callBuffer(name, ...args.map(String))
  const app = new Hono()
  const stats = { requests: 0, commands: 0 }
  app.use('*', async (c, next) => {
    stats.requests++
    await next()
  })
  app.use('*', async (c, next) =>
    c.req.header('authorization') === `Bearer ${token}`
      ? next()
      : c.json({ error: 'Unauthorized' }, 401),
  )
  app.post('/', async (c) => {
    const b64 = c.req.header('upstash-encoding') === 'base64'
    try {
      stats.commands++
      return c.json({ result: encode(await run(await c.req.json()), b64) })
    } catch (err) {
      return c.json({ error: (err as Error).message }, 400)
    }
  })
  app.post('/pipeline', async (c) => {
    const b64 = c.req.header('upstash-encoding') === 'base64'
    const replies: unknown[] = []
    for (const command of (await c.req.json()) as Command[]) {
      stats.commands++
      try {
        replies.push({ result: encode(await run(command), b64) })
      } catch (err) {
        replies.push({ error: (err as Error).message })
      }
    }
    return c.json(replies)
  })
  app.post('/multi-exec', async (c) => {
    const b64 = c.req.header('upstash-encoding') === 'base64'
    const commands = (await c.req.json()) as Command[]
    stats.commands += commands.length
    const results = await redis
      .multi(commands.map(([name, ...args]) => [name, ...args.map(String)]))
      .exec()
    return c.json(
      (results ?? []).map(([err, result]) =>
        err ? { error: err.message } : { result: encode(result, b64) },
      ),
    )
  })
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    stats,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve))
      await redis.quit()
    },
  }
}

/** Replies as Upstash sends them: strings base64 when asked, HGETALL objects flattened. */
function encode(value: unknown, b64: boolean): unknown {
  if (Buffer.isBuffer(value)) return b64 ? value.toString('base64') : value.toString('utf8')
  if (typeof value === 'string') return b64 ? Buffer.from(value).toString('base64') : value
  if (Array.isArray(value)) return value.map((v) => encode(v, b64))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [encode(k, b64), encode(v, b64)])
  }
  return value ?? null
}
