import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { AppEnv } from '../../../server/http/openapi-hono.js'
import {
  createIdentityMiddleware,
  OWNER_COOKIE,
  resolveOwnerFromCookieHeader,
} from '../../../server/identity/owner-identity.js'

const SECRET = 'a-test-secret-that-is-at-least-32-characters'

function createWhoAmIApp(secret = SECRET, newId?: () => string) {
  let n = 0
  const app = new Hono<AppEnv>()
  app.use('*', createIdentityMiddleware({ secret, newId: newId ?? (() => `owner-${++n}`) }))
  app.get('/me', (c) => c.json({ ownerId: c.get('ownerId') }))
  return app
}

/** The `name=value` part of the Set-Cookie header, ready to send back as a Cookie header. */
function cookieOf(res: Response): string {
  const header = res.headers.get('set-cookie') ?? ''
  return header.split(';')[0] ?? ''
}

describe('identity middleware', () => {
  it('issues a signed, HttpOnly, SameSite=Lax cookie to a new browser', async () => {
    const res = await createWhoAmIApp().request('/me')
    expect(await res.json()).toEqual({ ownerId: 'owner-1' })
    const setCookie = res.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(new RegExp(`^${OWNER_COOKIE}=owner-1\\.`))
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('SameSite=Lax')
    expect(setCookie).toContain('Path=/')
    expect(setCookie).not.toContain('Secure')
  })

  it('recognises the browser on later requests without issuing a new cookie', async () => {
    const app = createWhoAmIApp()
    const cookie = cookieOf(await app.request('/me'))
    const again = await app.request('/me', { headers: { cookie } })
    expect(await again.json()).toEqual({ ownerId: 'owner-1' })
    expect(again.headers.get('set-cookie')).toBeNull()
  })

  it('marks the cookie Secure over https, also behind a TLS proxy', async () => {
    const res = await createWhoAmIApp().request('https://sparring.example/me')
    expect(res.headers.get('set-cookie')).toContain('Secure')
    const proxied = await createWhoAmIApp().request('/me', {
      headers: { 'x-forwarded-proto': 'https' },
    })
    expect(proxied.headers.get('set-cookie')).toContain('Secure')
  })

  it('issues a new identity when the signature does not match', async () => {
    const app = createWhoAmIApp()
    const cookie = cookieOf(await app.request('/me'))
    const forged = cookie.replace('owner-1', 'owner-9')
    const res = await app.request('/me', { headers: { cookie: forged } })
    expect(await res.json()).toEqual({ ownerId: 'owner-2' })
    const unsigned = await app.request('/me', { headers: { cookie: `${OWNER_COOKIE}=owner-1` } })
    expect(await unsigned.json()).toEqual({ ownerId: 'owner-3' })
  })

  it('does not trust a validly signed id outside the allowed shape', async () => {
    const odd = createWhoAmIApp(SECRET, () => 'owner/1')
    const cookie = cookieOf(await odd.request('/me'))
    const res = await createWhoAmIApp().request('/me', { headers: { cookie } })
    expect(await res.json()).toEqual({ ownerId: 'owner-1' })
    expect(await resolveOwnerFromCookieHeader(cookie, SECRET)).toBeNull()
  })

  it('does not accept a cookie signed with another secret', async () => {
    const other = createWhoAmIApp('another-secret-that-is-also-32-characters-long')
    const cookie = cookieOf(await other.request('/me'))
    const res = await createWhoAmIApp().request('/me', { headers: { cookie } })
    expect(await res.json()).toEqual({ ownerId: 'owner-1' })
    expect(res.headers.get('set-cookie')).not.toBeNull()
  })
})

describe('resolveOwnerFromCookieHeader', () => {
  it('reads the owner from a raw Cookie header among other cookies', async () => {
    const cookie = cookieOf(await createWhoAmIApp().request('/me'))
    const header = `theme=dark; ${cookie}; other=1`
    expect(await resolveOwnerFromCookieHeader(header, SECRET)).toBe('owner-1')
  })

  it('returns null for a missing, unsigned or forged cookie', async () => {
    const cookie = cookieOf(await createWhoAmIApp().request('/me'))
    expect(await resolveOwnerFromCookieHeader(undefined, SECRET)).toBeNull()
    expect(await resolveOwnerFromCookieHeader('', SECRET)).toBeNull()
    expect(await resolveOwnerFromCookieHeader(`${OWNER_COOKIE}=owner-1`, SECRET)).toBeNull()
    expect(
      await resolveOwnerFromCookieHeader(cookie.replace('owner-1', 'owner-2'), SECRET),
    ).toBeNull()
    expect(
      await resolveOwnerFromCookieHeader(cookie, 'the-wrong-secret-but-32-characters-long'),
    ).toBeNull()
  })
})
