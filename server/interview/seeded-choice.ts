/**
 * Deterministic variety: the same seed always picks the same item, different seeds spread over
 * the items. FNV-1a is enough here; nothing depends on unpredictability.
 */
export function hashSeed(seed: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** Picks an item by seed; throws on an empty list, which is a programming error. */
export function pickSeeded<T>(items: readonly T[], seed: string): T {
  if (items.length === 0) throw new Error('pickSeeded: no items')
  return items[hashSeed(seed) % items.length]!
}
