import { createHmac, timingSafeEqual } from 'node:crypto'
import { parse } from 'hono/utils/cookie'

/**
 * Hono's signed-cookie format (`value.base64(HMAC-SHA256(value))`, the whole URI-encoded), made
 * and checked with node:crypto. Hono's getSignedCookie / setSignedCookie import the secret as a
 * WebCrypto key on every call (about 0.14 ms) and verify through promises; createHmac is
 * synchronous and needs no key import. Cookies issued either way read either way.
 */

/** A canonical base64 HMAC-SHA256: 32 bytes are 43 characters and one '='. */
const SIGNATURE = /^[A-Za-z0-9+/]{43}=$/

function hmac(value: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(value).digest()
}

/** `value.signature`, to be URI-encoded as the cookie's value (hono's setCookie does). */
export function signCookieValue(value: string, secret: string): string {
  return `${value}.${hmac(value, secret).toString('base64')}`
}

/**
 * The value of cookie `name` in a raw `Cookie` header when its signature is valid, else null
 * (no header, no such cookie, no signature, or a signature made with another secret or value).
 */
export function readSignedCookie(
  header: string | null | undefined,
  name: string,
  secret: string,
): string | null {
  if (!header) return null
  const raw = parse(header, name)[name]
  if (raw === undefined) return null
  const dot = raw.lastIndexOf('.')
  if (dot < 0) return null
  const value = raw.slice(0, dot)
  const signature = raw.slice(dot + 1)
  // Hono accepts only a 44-character signature ending in '=' and decodes it with atob, which
  // refuses anything outside the base64 alphabet: the same signatures pass this test.
  if (!SIGNATURE.test(signature)) return null
  return timingSafeEqual(Buffer.from(signature, 'base64'), hmac(value, secret)) ? value : null
}
