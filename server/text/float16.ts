/**
 * IEEE 754 half precision (binary16), for storing word vectors at half the bytes of float32.
 * Node 20 has no Float16Array, so values are kept as Uint16 bit patterns: encoding rounds to the
 * nearest half (ties to even, as a hardware conversion does), decoding goes through a table of
 * all 65,536 patterns. A unit vector's components are below 1 in magnitude, where a half is
 * within 2^-12 (about 0.00024) of the float32 it came from.
 */

const scratch = new Float32Array(1)
const scratchBits = new Uint32Array(scratch.buffer)

/** The half-precision bit pattern nearest to `value` (ties to even; overflow to infinity). */
export function encodeFloat16(value: number): number {
  scratch[0] = value
  const bits = scratchBits[0]!
  const sign = (bits >>> 16) & 0x8000
  const exponent = (bits >>> 23) & 0xff
  let mantissa = bits & 0x7fffff
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0) // infinity or NaN
  const halfExponent = exponent - 127 + 15
  if (halfExponent >= 0x1f) return sign | 0x7c00 // too large: infinity
  if (halfExponent <= 0) {
    // A subnormal half (or zero): the implicit leading one becomes explicit and shifts out.
    if (halfExponent < -10) return sign
    mantissa |= 0x800000
    const shift = 14 - halfExponent
    return sign | roundShift(mantissa, shift)
  }
  // A carry out of the mantissa rounds up into the exponent, which is still the right value.
  return sign + ((halfExponent << 10) | 0) + roundShift(mantissa, 13)
}

/** `value >> shift`, rounded to nearest with ties to even. */
function roundShift(value: number, shift: number): number {
  const kept = value >>> shift
  const rest = value & ((1 << shift) - 1)
  const half = 1 << (shift - 1)
  return rest > half || (rest === half && (kept & 1) === 1) ? kept + 1 : kept
}

/** The value of one half-precision bit pattern. */
export function decodeFloat16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1
  const exponent = (bits >>> 10) & 0x1f
  const mantissa = bits & 0x3ff
  if (exponent === 0) return sign * mantissa * 2 ** -24
  if (exponent === 0x1f) return mantissa ? Number.NaN : sign * Number.POSITIVE_INFINITY
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15)
}

let table: Float32Array | undefined

/** Every half's value as a float32, indexed by bit pattern (256 KB, built once per thread). */
export function float16Table(): Float32Array {
  if (!table) {
    table = new Float32Array(0x10000)
    for (let bits = 0; bits < 0x10000; bits++) table[bits] = decodeFloat16(bits)
  }
  return table
}

/** Encodes `from` into `to` (same length), value by value. */
export function encodeFloat16Array(from: ArrayLike<number>, to: Uint16Array): Uint16Array {
  for (let i = 0; i < from.length; i++) to[i] = encodeFloat16(from[i]!)
  return to
}
