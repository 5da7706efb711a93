/**
 * A map that forgets what has not been read for a while, bounded by entries and by the characters
 * of its keys (a key may be a whole 16,000-character answer). Two generations: entries are
 * written to and read from the young one, an entry read from the old one moves to the young one,
 * and when the young one is full it becomes the old one (the old one is dropped). So a working set
 * read over and over in the same order (a question's reference texts, once per passage of every
 * coverage map) stays whole as long as it fits in one generation, where a first-in-first-out
 * bound smaller than it misses every time; and a hit in the young generation costs one lookup,
 * not the delete and insert of an exact least-recently-used order.
 */
export class BoundedLru<V> {
  private young = new Map<string, V>()
  private old = new Map<string, V>()
  private youngChars = 0
  private readonly maxEntries: number
  private readonly maxChars: number

  /** At most `maxEntries` entries and `maxChars` characters of keys in all (half per generation). */
  constructor(maxEntries: number, maxChars: number) {
    this.maxEntries = Math.max(1, Math.floor(maxEntries / 2))
    this.maxChars = maxChars / 2
  }

  get(key: string): V | undefined {
    const value = this.young.get(key)
    if (value !== undefined) return value
    const aged = this.old.get(key)
    if (aged === undefined) return undefined
    this.old.delete(key)
    this.set(key, aged)
    return aged
  }

  set(key: string, value: V): void {
    if (this.young.has(key)) {
      this.young.set(key, value)
      return
    }
    if (key.length > this.maxChars) return
    if (this.young.size >= this.maxEntries || this.youngChars + key.length > this.maxChars) {
      this.old = this.young
      this.young = new Map()
      this.youngChars = 0
    }
    this.young.set(key, value)
    this.youngChars += key.length
  }
}
