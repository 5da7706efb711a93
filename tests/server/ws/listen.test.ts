import { Server } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LISTEN_BACKLOG, listen, type ListeningServer } from '../../../server/ws/listen.js'

let listening: ListeningServer | null = null
afterEach(async () => {
  vi.restoreAllMocks()
  await listening?.close()
  listening = null
})

describe('listen', () => {
  // A thousand clients connecting at once overflowed Node's default queue of 511 while the loop
  // was busy, and each dropped one waited out TCP's backoff (up to a minute or more).
  it('asks the kernel for a deep accept queue, and serves', async () => {
    const spy = vi.spyOn(Server.prototype, 'listen')
    const app = { fetch: () => new Response('ok') }
    listening = await listen(app, { port: 0, hostname: '127.0.0.1' })
    expect(spy).toHaveBeenCalledWith(
      expect.objectContaining({ backlog: LISTEN_BACKLOG, host: '127.0.0.1', port: 0 }),
    )
    expect(LISTEN_BACKLOG).toBeGreaterThan(511)
    const res = await fetch(`http://127.0.0.1:${listening.port}/`)
    expect(await res.text()).toBe('ok')
  })
})
