import { describe, expect, it } from 'vitest'
import { BoundedLru } from '../../../server/text/bounded-lru.js'

describe('BoundedLru', () => {
  it('keeps a working set read over and over in the same order, as long as it fits', () => {
    // A first-in-first-out bound smaller than the set would miss every read.
    const lru = new BoundedLru<string>(8, 1000)
    const keys = ['w', 'x', 'y', 'z']
    for (const k of keys) lru.set(k, k)
    for (let round = 0; round < 5; round += 1) {
      for (const k of keys) expect(lru.get(k)).toBe(k)
      lru.set(`new ${round}`, 'one-off')
    }
  })

  it('forgets what was not read for a while, past its entry bound', () => {
    const lru = new BoundedLru<number>(4, 1000)
    lru.set('a', 1)
    lru.set('b', 2)
    expect(lru.get('a')).toBe(1)
    // Two generations of two: 'a' and 'b' age, 'a' is read back, 'b' is not.
    lru.set('c', 3)
    lru.set('d', 4)
    expect(lru.get('a')).toBe(1)
    lru.set('e', 5)
    lru.set('f', 6)
    expect(lru.get('b')).toBeUndefined()
    expect(lru.get('a')).toBe(1)
  })

  it('holds at most its bound of entries', () => {
    const lru = new BoundedLru<number>(10, 1_000_000)
    for (let i = 0; i < 1000; i += 1) lru.set(`k${i}`, i)
    let kept = 0
    for (let i = 0; i < 1000; i += 1) if (lru.get(`k${i}`) !== undefined) kept += 1
    expect(kept).toBeLessThanOrEqual(10)
    expect(lru.get('k999')).toBe(999)
  })

  it('is bounded by the characters of its keys too, and keeps no key longer than half of it', () => {
    const lru = new BoundedLru<number>(100, 20)
    lru.set('aaaa', 1)
    lru.set('bbbb', 2)
    lru.set('cccc', 3)
    lru.set('dddd', 4)
    lru.set('eeee', 5)
    expect(lru.get('aaaa')).toBeUndefined()
    expect(lru.get('eeee')).toBe(5)
    lru.set('a key longer than ten', 6)
    expect(lru.get('a key longer than ten')).toBeUndefined()
  })

  it('replaces the value of a key set again', () => {
    const lru = new BoundedLru<number>(4, 100)
    lru.set('abcd', 1)
    lru.set('abcd', 2)
    expect(lru.get('abcd')).toBe(2)
  })
})
