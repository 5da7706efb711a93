import { describe, expect, it } from 'vitest'
import { dotsAgainstMany } from '../../../server/text/dot-products.js'
import { cosineUnit } from '../../../server/text/word-embeddings.js'

/** Deterministic pseudo-random floats in [-1, 1) (a linear congruential generator). */
function numbers(count: number, seed: number): Float32Array {
  const out = new Float32Array(count)
  let x = seed
  for (let i = 0; i < count; i++) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648
    out[i] = x / 1_073_741_824 - 1
  }
  return out
}

describe('dotsAgainstMany', () => {
  // Column counts around the eight-at-a-time blocks, and a dimension count that is not a multiple.
  it.each([0, 1, 7, 8, 9, 16, 23])(
    'gives each of %i columns bit for bit the plain loop’s dot product',
    (columns) => {
      const dims = 13
      const rows = numbers(3 * dims, 7)
      const cols = numbers(columns * dims, 11)
      const out = new Float64Array(columns).fill(Number.NaN)
      for (let row = 0; row < 3; row++) {
        dotsAgainstMany(rows, row, cols, columns, dims, out)
        const rowVector = rows.subarray(row * dims, (row + 1) * dims)
        for (let j = 0; j < columns; j++)
          expect(
            Object.is(out[j], cosineUnit(rowVector, cols.subarray(j * dims, (j + 1) * dims))),
          ).toBe(true)
      }
    },
  )
})
