/** The pages of the app, matched from the URL path. */
export type Route =
  | { page: 'library' }
  | { page: 'question'; questionId: string }
  | { page: 'session'; sessionId: string }
  | { page: 'review'; sessionId: string }
  | { page: 'history' }
  | { page: 'shared'; token: string }
  | { page: 'not-found' }

const patterns: Array<[RegExp, (m: string[]) => Route]> = [
  [/^\/$/, () => ({ page: 'library' })],
  [/^\/q\/([^/]+)\/?$/, (m) => ({ page: 'question', questionId: m[1]! })],
  [/^\/session\/([^/]+)\/?$/, (m) => ({ page: 'session', sessionId: m[1]! })],
  [/^\/session\/([^/]+)\/review\/?$/, (m) => ({ page: 'review', sessionId: m[1]! })],
  [/^\/history\/?$/, () => ({ page: 'history' })],
  [/^\/shared\/([^/]+)\/?$/, (m) => ({ page: 'shared', token: m[1]! })],
]

/** Matches a path to a page; path segments are URI-decoded, unknown paths are `not-found`. */
export function matchRoute(pathname: string): Route {
  for (const [pattern, build] of patterns) {
    const match = pattern.exec(pathname)
    if (!match) continue
    try {
      return build(match.slice(0).map((part) => decodeURIComponent(part)))
    } catch {
      return { page: 'not-found' }
    }
  }
  return { page: 'not-found' }
}
