import { describe, expect, it } from 'vitest'
import { slugifyTitle } from '../../../server/questions/slugify-title.js'

describe('slugifyTitle', () => {
  it.each([
    ['The Architectural Time Bomb', 'the-architectural-time-bomb'],
    ['The GraphQL N+1 Mystery', 'the-graphql-n-1-mystery'],
    ['The 15-Minute Production Fire', 'the-15-minute-production-fire'],
    ['Don’t Rewrite: Café Économie', 'dont-rewrite-cafe-economie'],
  ])('%s -> %s', (title, slug) => {
    expect(slugifyTitle(title)).toBe(slug)
  })
})
