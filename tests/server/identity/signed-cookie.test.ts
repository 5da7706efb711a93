import { generateCookie, generateSignedCookie } from 'hono/cookie'
import { parseSigned } from 'hono/utils/cookie'
import { describe, expect, it } from 'vitest'
import { readSignedCookie, signCookieValue } from '../../../server/identity/signed-cookie.js'

const SECRET = 'a-test-secret-that-is-at-least-32-characters'
const OPTS = { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 100 } as const

/** The `name=value` part of a Set-Cookie header, as a browser sends it back. */
const sent = (setCookie: string) => setCookie.split(';')[0]!

// The format must stay hono's: cookies already in browsers were issued by setSignedCookie.
describe('signed cookies without WebCrypto', () => {
  it("issues exactly hono's signed cookie", async () => {
    for (const value of ['owner-1', 'a b+c/=é', '']) {
      expect(generateCookie('c', signCookieValue(value, SECRET), OPTS)).toBe(
        await generateSignedCookie('c', value, SECRET, OPTS),
      )
    }
  })

  it("reads hono's signed cookies, and hono reads these", async () => {
    const byHono = sent(await generateSignedCookie('c', 'owner-1', SECRET, OPTS))
    expect(readSignedCookie(`x=1; ${byHono}`, 'c', SECRET)).toBe('owner-1')
    const ours = sent(generateCookie('c', signCookieValue('owner-2', SECRET), OPTS))
    expect((await parseSigned(ours, SECRET, 'c'))['c']).toBe('owner-2')
  })

  it('refuses what hono refuses: tampered value, other secret, bad or missing signature', async () => {
    const good = sent(await generateSignedCookie('c', 'owner-1', SECRET, OPTS))
    const signature = decodeURIComponent(good).slice('c=owner-1.'.length)
    const cases = [
      good.replace('owner-1', 'owner-2'),
      sent(await generateSignedCookie('c', 'owner-1', 'another-secret-of-32-characters!!', OPTS)),
      'c=owner-1',
      `c=owner-1.${signature.slice(0, -1)}`,
      `c=owner-1.${signature.replace(/[+/]/g, '-').replace(/^./, '_')}`,
      `c=owner-1.${'A'.repeat(43)}=`,
      'other=1',
    ]
    for (const header of cases) {
      expect(readSignedCookie(header, 'c', SECRET)).toBeNull()
      expect((await parseSigned(header, SECRET, 'c'))['c'] || null).toBeNull()
    }
    expect(readSignedCookie(undefined, 'c', SECRET)).toBeNull()
    expect(readSignedCookie('', 'c', SECRET)).toBeNull()
  })
})
