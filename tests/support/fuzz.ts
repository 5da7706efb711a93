/**
 * A small seeded generator of hostile inputs for the fuzz suites: no dependency, the same seed
 * gives the same inputs, so a failure is reproduced by its seed (FUZZ_SEED) and its case number.
 * It mixes values near what the zod schemas accept (a valid message with one field dropped,
 * retyped, emptied, lengthened or given odd characters) with arbitrary JSON and raw bytes.
 */
export type Rng = {
  next(): number
  int(max: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
}

/** mulberry32: tiny, fast, good enough to spread cases. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (max) => Math.floor(next() * max),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  }
}

/** Strings that have broken parsers, routers and databases before. */
const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u202e\u0000\uffff',
  '\ud800',
  '😀'.repeat(50),
  '../../etc/passwd',
  '%2e%2e%2f',
  "'; DROP TABLE sessions; --",
  '<script>alert(1)</script>',
  '{{7*7}}${7*7}',
  '__proto__',
  'constructor',
  'null',
  '-1',
  '1e309',
  'NaN',
  'a'.repeat(70),
  'x'.repeat(5_000),
]

const ODD_NUMBERS = [
  0,
  -1,
  1,
  0.5,
  -0.0,
  2 ** 31,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e308,
]

export function oddString(rng: Rng): string {
  if (rng.chance(0.3)) {
    const length = rng.pick([1, 8, 64, 65, 200, 1_000])
    let s = ''
    for (let i = 0; i < length; i++) s += String.fromCharCode(rng.int(0x3000))
    return s
  }
  return rng.pick(ODD_STRINGS)
}

/** Any JSON value, nested up to `depth`. */
export function anyJson(rng: Rng, depth = 3): unknown {
  const kind = rng.int(depth > 0 ? 7 : 5)
  switch (kind) {
    case 0:
      return null
    case 1:
      return rng.chance(0.5)
    case 2:
      return rng.pick(ODD_NUMBERS)
    case 3:
    case 4:
      return oddString(rng)
    case 5:
      return Array.from({ length: rng.int(4) }, () => anyJson(rng, depth - 1))
    default: {
      const out: Record<string, unknown> = {}
      for (let i = rng.int(4); i > 0; i--)
        out[oddString(rng).slice(0, 20)] = anyJson(rng, depth - 1)
      return out
    }
  }
}

/** `valid` with one change: a field dropped, retyped, replaced by an odd value, or one added. */
export function mutate(rng: Rng, valid: Record<string, unknown>): unknown {
  const copy: Record<string, unknown> = structuredClone(valid)
  const keys = Object.keys(copy)
  const key = keys.length > 0 ? rng.pick(keys) : 'x'
  switch (rng.int(6)) {
    case 0:
      delete copy[key]
      return copy
    case 1:
      copy[key] = anyJson(rng, 2)
      return copy
    case 2:
      copy[key] = oddString(rng)
      return copy
    case 3:
      copy[key] = rng.pick(ODD_NUMBERS)
      return copy
    case 4:
      copy[oddString(rng).slice(0, 20) || 'extra'] = anyJson(rng, 1)
      return copy
    default:
      // Valid as is: the handlers behind the schema get exercised too.
      return copy
  }
}

/** What goes on the wire: JSON of a value, broken JSON, or raw bytes. */
export function encodeFrame(rng: Rng, value: unknown): string | Buffer {
  const roll = rng.next()
  if (roll < 0.05) return Buffer.from(Array.from({ length: rng.int(64) }, () => rng.int(256)))
  if (roll < 0.1) return JSON.stringify(value).slice(0, -1 - rng.int(3))
  if (roll < 0.12) return '['.repeat(5_000) + ']'.repeat(5_000)
  return JSON.stringify(value) ?? 'undefined'
}
