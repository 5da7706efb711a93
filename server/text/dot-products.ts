/**
 * Dot products of one vector against many, for the similarity matrix of a grade (hundreds of
 * profile terms against hundreds of answer terms, 100 dimensions each). One dot product at a time
 * is bound by the latency of its chain of additions; eight independent chains at once keep the
 * processor busy, about twice as fast. Each sum still adds its products in dimension order, one
 * after the other, so every result is bit-for-bit the plain loop's (`cosineUnit`).
 */
export function dotsAgainstMany(
  /** Vectors back to back, `dimensions` each. */
  rowVectors: Float32Array,
  /** Which vector of `rowVectors`. */
  row: number,
  columnVectors: Float32Array,
  columnCount: number,
  dimensions: number,
  /** Receives the dot product of the row with column j at index j. */
  out: Float64Array,
): void {
  const D = dimensions
  const r = row * D
  let j = 0
  for (; j + 8 <= columnCount; j += 8) {
    const c0 = j * D
    const c1 = c0 + D
    const c2 = c1 + D
    const c3 = c2 + D
    const c4 = c3 + D
    const c5 = c4 + D
    const c6 = c5 + D
    const c7 = c6 + D
    let d0 = 0
    let d1 = 0
    let d2 = 0
    let d3 = 0
    let d4 = 0
    let d5 = 0
    let d6 = 0
    let d7 = 0
    for (let d = 0; d < D; d++) {
      const x = rowVectors[r + d]!
      d0 += x * columnVectors[c0 + d]!
      d1 += x * columnVectors[c1 + d]!
      d2 += x * columnVectors[c2 + d]!
      d3 += x * columnVectors[c3 + d]!
      d4 += x * columnVectors[c4 + d]!
      d5 += x * columnVectors[c5 + d]!
      d6 += x * columnVectors[c6 + d]!
      d7 += x * columnVectors[c7 + d]!
    }
    out[j] = d0
    out[j + 1] = d1
    out[j + 2] = d2
    out[j + 3] = d3
    out[j + 4] = d4
    out[j + 5] = d5
    out[j + 6] = d6
    out[j + 7] = d7
  }
  for (; j < columnCount; j++) {
    const c = j * D
    let dot = 0
    for (let d = 0; d < D; d++) dot += rowVectors[r + d]! * columnVectors[c + d]!
    out[j] = dot
  }
}
