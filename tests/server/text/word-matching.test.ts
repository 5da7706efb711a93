import { describe, expect, it } from 'vitest'
import { isOneEditApart } from '../../../server/text/word-matching.js'

describe('isOneEditApart', () => {
  it.each([
    ['reference', 'refrence'],
    ['constructor', 'constrcutor'],
    ['pointer', 'pointers'],
    ['address', 'adress'],
  ])('%s ~ %s', (a, b) => expect(isOneEditApart(a, b)).toBe(true))

  it.each([
    ['reference', 'reference'],
    ['cat', 'cut'],
    ['pointer', 'pointless'],
    ['queue', 'stack'],
  ])('%s !~ %s', (a, b) => expect(isOneEditApart(a, b)).toBe(false))
})
