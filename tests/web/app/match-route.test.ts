import { describe, expect, it } from 'vitest'
import { matchRoute } from '../../../web/src/app/match-route.js'

describe('matchRoute', () => {
  it.each([
    ['/', { page: 'library' }],
    ['/q/the-payment-race', { page: 'question', questionId: 'the-payment-race' }],
    ['/session/abc', { page: 'session', sessionId: 'abc' }],
    ['/session/abc/review', { page: 'review', sessionId: 'abc' }],
    ['/history', { page: 'history' }],
    ['/shared/t%20k', { page: 'shared', token: 't k' }],
    ['/nowhere', { page: 'not-found' }],
    ['/q/%E0%A4%A', { page: 'not-found' }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route)
  })
})
