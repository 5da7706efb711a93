import { describe, expect, it } from 'vitest'
import {
  decodeFloat16,
  encodeFloat16,
  encodeFloat16Array,
  float16Table,
} from '../../../server/text/float16.js'
import { createRng } from '../../support/fuzz.js'

describe('float16', () => {
  it('encodes exact halves to their IEEE 754 bit patterns', () => {
    expect(encodeFloat16(0)).toBe(0x0000)
    expect(encodeFloat16(-0)).toBe(0x8000)
    expect(encodeFloat16(1)).toBe(0x3c00)
    expect(encodeFloat16(-2)).toBe(0xc000)
    expect(encodeFloat16(0.5)).toBe(0x3800)
    expect(encodeFloat16(65504)).toBe(0x7bff) // the largest half
    expect(encodeFloat16(2 ** -14)).toBe(0x0400) // the smallest normal
    expect(encodeFloat16(2 ** -24)).toBe(0x0001) // the smallest subnormal
  })

  it('rounds to nearest, ties to even, and overflows to infinity', () => {
    // 1 + 2^-11 lies halfway between 1 and 1 + 2^-10: the even pattern (1) wins.
    expect(encodeFloat16(1 + 2 ** -11)).toBe(0x3c00)
    // 1 + 3 * 2^-11 lies halfway between 1 + 2^-10 and 1 + 2^-9: the even one is 1 + 2^-9.
    expect(encodeFloat16(1 + 3 * 2 ** -11)).toBe(0x3c02)
    expect(encodeFloat16(1 + 2 ** -11 + 2 ** -20)).toBe(0x3c01)
    expect(encodeFloat16(2 ** -26)).toBe(0x0000)
    expect(encodeFloat16(-(2 ** -26))).toBe(0x8000)
    expect(encodeFloat16(65520)).toBe(0x7c00) // rounds past the largest half
    expect(encodeFloat16(1e9)).toBe(0x7c00)
    expect(encodeFloat16(Number.NEGATIVE_INFINITY)).toBe(0xfc00)
    expect(Number.isNaN(decodeFloat16(encodeFloat16(Number.NaN)))).toBe(true)
  })

  it('round-trips every finite half exactly, and the table agrees with the decoder', () => {
    const table = float16Table()
    const wrong: number[] = []
    let nans = 0
    for (let bits = 0; bits < 0x10000; bits++) {
      const value = decodeFloat16(bits)
      if (Number.isNaN(value)) {
        nans++
        if (!Number.isNaN(table[bits])) wrong.push(bits)
      } else if (table[bits] !== value) wrong.push(bits)
      else if (Number.isFinite(value) && encodeFloat16(value) !== bits) wrong.push(bits)
    }
    expect(wrong).toEqual([])
    expect(nans).toBe(2 * 1023) // exponent all ones, mantissa not zero, either sign
  })

  it('keeps unit-vector components within 2^-12 of their float32 value', () => {
    const rng = createRng(16)
    const values = Float32Array.from({ length: 100_000 }, () => rng.next() * 2 - 1)
    const halves = encodeFloat16Array(values, new Uint16Array(values.length))
    const table = float16Table()
    let worst = 0
    const tooFar: number[] = []
    for (let i = 0; i < values.length; i++) {
      const error = Math.abs(table[halves[i]!]! - values[i]!)
      worst = Math.max(worst, error)
      // Relative to the value too, for the small components: 11 significant bits.
      if (error > Math.max(Math.abs(values[i]!) * 2 ** -11, 2 ** -25)) tooFar.push(values[i]!)
    }
    expect(tooFar).toEqual([])
    expect(worst).toBeLessThanOrEqual(2 ** -12)
    expect(worst).toBeGreaterThan(0)
  })
})
