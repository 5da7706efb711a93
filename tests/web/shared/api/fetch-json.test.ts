import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { fetchJson } from '../../../../web/src/shared/api/fetch-json.js'

const answer = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('fetchJson error messages', () => {
  it('adds the request id to a server fault, so the user can quote it in a report', async () => {
    const body = {
      error: { code: 'internal', message: 'Something went wrong on our side.', requestId: 'r-9' },
    }
    const result = await fetchJson(answer(500, body), '/api/x', z.unknown())
    expect(result).toMatchObject({
      ok: false,
      code: 'internal',
      message: 'Something went wrong on our side. (request id r-9)',
    })
  })

  it('leaves an expected refusal (4xx) as the server worded it', async () => {
    const body = {
      error: { code: 'rate_limit:sessions', message: 'Too many new sessions.', requestId: 'r-1' },
    }
    const result = await fetchJson(answer(429, body), '/api/x', z.unknown())
    expect(result).toMatchObject({ ok: false, message: 'Too many new sessions.' })
  })
})
