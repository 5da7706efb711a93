/**
 * An Aho-Corasick automaton over the word spans of a text (the model answer), for the leak guard.
 * Its state after a sequence of words is the longest suffix of that sequence that is a prefix of
 * some span, so `depth(state)` is exactly how many of the latest words could still become part of
 * a copied span: the guard holds back those and nothing else (from the run's LEAK_HOLD_RUN_WORDS-th
 * word on, as the early guard shows shorter runs). A state of depth `span` is a copy.
 *
 * Words are mapped to small integers; a word the text does not contain sends the automaton back
 * to its root. Building is O(words x span) once per text; each step is amortised O(1).
 */
export type SpanAutomaton = {
  readonly span: number
  readonly root: number
  /** The state after reading `word` in `state`. */
  step(state: number, word: string): number
  /** How many of the latest words the state matches (0 at the root, `span` on a copy). */
  depth(state: number): number
  /** Whether a word beginning with `prefix` could start a span (read at the root). */
  couldStartSpan(prefix: string): boolean
}

const ROOT = 0

export function buildSpanAutomaton(words: readonly string[], span: number): SpanAutomaton {
  const ids = new Map<string, number>()
  for (const word of words) if (!ids.has(word)) ids.set(word, ids.size)
  const vocabulary = Math.max(1, ids.size)
  // One map for every edge, keyed by state x vocabulary + word id: far less memory than a map
  // per state for the tens of thousands of states of a long model answer.
  const edges = new Map<number, number>()
  const children: number[][] = [[]]
  const depths: number[] = [0]
  const startPrefixes = new Set<string>()
  for (let i = 0; i + span <= words.length; i++) {
    let state = ROOT
    for (let k = 0; k < span; k++) {
      const id = ids.get(words[i + k]!)!
      const key = state * vocabulary + id
      let next = edges.get(key)
      if (next === undefined) {
        next = depths.length
        depths.push(k + 1)
        children.push([])
        edges.set(key, next)
        children[state]!.push(id, next)
      }
      state = next
    }
    const first = words[i]!
    for (let n = 1; n <= first.length; n++) startPrefixes.add(first.slice(0, n))
  }
  const fail = new Int32Array(depths.length)
  const goto = (state: number, id: number) => edges.get(state * vocabulary + id)
  // Breadth first, so a state's failure link is known before its children's.
  const queue: number[] = []
  const rootChildren = children[ROOT]!
  for (let j = 1; j < rootChildren.length; j += 2) queue.push(rootChildren[j]!)
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!
    const own = children[state]!
    for (let j = 0; j < own.length; j += 2) {
      const id = own[j]!
      const child = own[j + 1]!
      let f = fail[state]!
      while (f !== ROOT && goto(f, id) === undefined) f = fail[f]!
      fail[child] = goto(f, id) ?? ROOT
      queue.push(child)
    }
  }
  const depth = Uint8Array.from(depths)

  return {
    span,
    root: ROOT,
    step(state, word) {
      const id = ids.get(word)
      if (id === undefined) return ROOT
      let s = state
      // A copy is reported once; reading on continues from its longest proper suffix.
      if (depth[s] === span) s = fail[s]!
      for (;;) {
        const next = goto(s, id)
        if (next !== undefined) return next
        if (s === ROOT) return ROOT
        s = fail[s]!
      }
    },
    depth: (state) => depth[state]!,
    couldStartSpan: (prefix) => startPrefixes.has(prefix),
  }
}
