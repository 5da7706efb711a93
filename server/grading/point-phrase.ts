/**
 * A model-answer or framework-step point as a phrase that reads inside "you covered …" and "Not
 * reached: …". Points are clauses of the question's own text, and many are not noun phrases: a
 * step's question ("Is it backend (slow queries), network (large payloads), or frontend (slow
 * rendering)?"), an instruction ("Identify JavaScript parse/compile time"), or a sentence whose
 * first word is capitalised only because it opened the sentence. So:
 *
 * - a question becomes the indirect question it asks: "whether it is backend (...), network (...)
 *   or frontend (...)", "how you will measure if the choice was correct", "when rewrite ROI
 *   becomes positive"; one whose subject cannot be told apart is quoted ("the question "...?"");
 * - an instruction becomes what doing it is called: "identifying JavaScript parse/compile time",
 *   "using DataLoader for batching", "confirming symptom, checking recent deploys";
 * - a first word capitalised only by position is lowercased ("Backend GraphQL tracing" ->
 *   "backend GraphQL tracing"), never an acronym or a name: a word is lowercased only when the
 *   question itself uses it in lower case (so "Redis", "Stripe", "JavaScript", "N+1" stay).
 *
 * English only, like the rest of the feedback. Which points are chosen is unchanged: this only
 * words them.
 */

/** Verbs an instruction opens with, in their base form. */
const VERBS = new Set(
  `accept add adopt agree alert align analyse analyze apply ask assess assign audit automate avoid
  backfill batch benchmark block break budget build bump calculate call cap capture catch change
  check choose clarify clean clear close collect communicate compare compute confirm consider
  consolidate correlate count create cut debug decide decouple define delay delete deploy
  deprecate describe design detect determine diagnose disable document drop emit enable enforce
  ensure escalate establish estimate evaluate examine expose extract factor favour find fix flag
  flip flush follow force freeze gather get give grandfather handle hire identify implement improve
  invest broaden
  increase inform instrument introduce invalidate investigate isolate keep kill label lead learn
  limit list load lock log look make map measure merge migrate minimise minimize mitigate model
  modularise modularize monitor move name negotiate notify observe offer open optimise optimize
  paginate partition pause pick pin plan poll prefer prepare present prevent prioritise prioritize
  probe profile prototype provide publish push put quantify query queue raise rank read rebuild
  reduce refactor reject release remove renegotiate replace replay report reproduce request
  require reserve resolve restart retry return reuse review revert rewrite roll rotate run sample
  scale schedule scope see segment select send separate serve set ship show shut simulate size
  skip slow spin split stage start state stop store stream suggest support switch sync take
  talk tell test throttle time trace track train translate trigger try tune turn understand
  update upgrade use validate verify version wait walk warm watch weigh write`.split(/\s+/),
)

/**
 * Of those, the ones that also open noun phrases ("Cache stampede", "Load test", "Fix (rollback
 * vs hotfix)", "Design migration path"): an instruction only when what follows reads as an
 * object (a determiner, a number, a name, a preposition) rather than more of a compound noun.
 */
const NOUN_TOO = new Set(
  `alert audit backfill batch benchmark block budget call cap catch change clean clear close
  count cut open read return rewrite separate slow write
  design drop fix flag freeze handle label lead limit list load lock log look map model monitor
  name pin plan poll probe profile prototype query queue rank report request review roll run
  sample scale scope segment set ship show size spin split stage start state stop store stream
  support switch sync time trace track trigger turn update version wait walk watch`.split(/\s+/),
)

/** What may follow a verb that is also a noun for the pair to read as an instruction. */
const OBJECT_START =
  /^(?:the|a|an|all|each|every|both|any|some|our|your|their|its|this|that|these|those|what|which|whether|if|how|one|two|three|existing|new|old|more|fewer|to|with|for|at|on|from|in|into|up|down|out|back|off|over|across|through|by)$|^\d|^[A-Z]/

/** Two-syllable verbs stressed on the last, which double their final consonant ("committing"). */
const DOUBLES = new Set(
  'admit commit submit omit permit refer prefer control occur begin forget transfer patrol compel'.split(
    ' ',
  ),
)

/** "identify" -> "identifying", "use" -> "using", "run" -> "running", "tie" -> "tying". */
export function gerund(verb: string): string {
  const v = verb.toLowerCase()
  if (/ie$/.test(v)) return `${v.slice(0, -2)}ying`
  if (/[^aeiouy]e$/.test(v) || /[^e]ue$/.test(v)) return `${v.slice(0, -1)}ing`
  const oneSyllable = (v.match(/[aeiouy]+/g) ?? []).length === 1
  if ((oneSyllable || DOUBLES.has(v)) && /[^aeiou][aeiou][bcdfgklmnprstvz]$/.test(v))
    return `${v}${v.at(-1)}ing`
  return `${v}ing`
}

const PAST: Record<string, string> = {
  get: 'got',
  go: 'went',
  make: 'made',
  take: 'took',
  give: 'gave',
  choose: 'chose',
  come: 'came',
  become: 'became',
  do: 'did',
  have: 'had',
  know: 'knew',
  see: 'saw',
  think: 'thought',
  build: 'built',
  buy: 'bought',
  find: 'found',
  lose: 'lost',
  pay: 'paid',
  say: 'said',
  tell: 'told',
  write: 'wrote',
  run: 'ran',
  break: 'broke',
  spend: 'spent',
  cost: 'cost',
  put: 'put',
  set: 'set',
  cut: 'cut',
  let: 'let',
  hit: 'hit',
  leave: 'left',
  mean: 'meant',
  send: 'sent',
  begin: 'began',
  grow: 'grew',
  end: 'ended',
}
const THIRD: Record<string, string> = { have: 'has', do: 'does', be: 'is', go: 'goes' }

function past(verb: string): string {
  const v = verb.toLowerCase()
  if (PAST[v]) return PAST[v]
  if (/e$/.test(v)) return `${v}d`
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ied`
  return `${v}ed`
}

function third(verb: string): string {
  const v = verb.toLowerCase()
  if (THIRD[v]) return THIRD[v]
  if (/(?:s|sh|ch|x|z|o)$/.test(v)) return `${v}es`
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ies`
  return `${v}s`
}

/** Verbs a question's main clause may have after its subject (beyond VERBS): "become", "cost". */
const CLAUSE_VERBS = new Set([
  ...VERBS,
  ...`be become cost do go have help know matter mean need pay solve happen hold last work fail
  grow live differ justify break apply get`.split(/\s+/),
])

const PRONOUN = /^(?:I|we|you|they|it|he|she|this|that|there|one)$/i
const PLURAL_PRONOUN = /^(?:I|we|you|they)$/i
const BE = /^(?:is|are|was|were)$/i
const MODAL = /^(?:can|could|will|would|should|shall|may|might|must)$/i
const DO = /^(?:do|does|did)$/i
const HAVE = /^(?:has|have|had)$/i
const WH = /^(?:what|why|how|when|where|which|who|whom|whose)$/i

/**
 * "does our team have X" (aux at 0) -> "our team has X"; undefined when the verb after the
 * subject is not one the lists know, or the subject is not a plain phrase.
 */
function declarative(words: string[]): string[] | undefined {
  const [aux, ...rest] = words
  if (!aux || rest.length === 0) return undefined
  if (BE.test(aux) || HAVE.test(aux)) {
    // "is it X" -> "it is X"; the subject must be one word (a pronoun or "there") to be sure.
    if (!PRONOUN.test(rest[0]!)) return undefined
    return [rest[0]!, aux.toLowerCase(), ...rest.slice(1)]
  }
  // Modal or do: the subject runs to the first word that is a verb in its base form.
  const at = rest.findIndex((w, i) => i > 0 && CLAUSE_VERBS.has(w.toLowerCase()))
  const subject = PRONOUN.test(rest[0]!) ? 1 : at
  if (subject < 1 || subject > 4) return undefined
  if (!CLAUSE_VERBS.has(rest[subject]?.toLowerCase() ?? '')) return undefined
  const head = rest.slice(0, subject)
  const verb = rest[subject]!
  const after = rest.slice(subject + 1)
  if (MODAL.test(aux)) return [...head, aux.toLowerCase(), verb, ...after]
  const low = aux.toLowerCase()
  if (low === 'did') return [...head, past(verb), ...after]
  if (low === 'does') return [...head, third(verb), ...after]
  return [...head, verb, ...after]
}

/** A question (without its "?") as the indirect question it asks, or undefined when unsure. */
function indirect(words: string[]): string | undefined {
  const first = words[0]!
  if (BE.test(first) || MODAL.test(first) || DO.test(first) || HAVE.test(first)) {
    const d = declarative(words)
    return d ? `whether ${d.join(' ')}` : undefined
  }
  // "At what point does contention become a problem": the wh-phrase may follow a preposition.
  const whAt = words.findIndex((w) => WH.test(w) || /^(?:what|who|where|how)[’']s$/i.test(w))
  if (whAt < 0 || whAt > 1) return undefined
  // "What's X" -> "what X is" when X is a phrase of its own ("the fallback"), else "what is".
  const contracted = /^(\w+)[’']s$/i.exec(words[whAt]!)
  if (contracted) {
    const rest = words.slice(whAt + 1)
    const lead = [...words.slice(0, whAt), contracted[1]!].join(' ')
    if (/^(?:the|a|an|our|your|their|its|this|that|my)$/i.test(rest[0] ?? '')) {
      const end = rest.findIndex(
        (w, i) => i > 0 && /^(?:if|when|for|because|after|before|in|of|that|to|with)$/i.test(w),
      )
      const np = end < 0 ? rest : rest.slice(0, end)
      const tail = end < 0 ? [] : rest.slice(end)
      return [lead, ...np, 'is', ...tail].join(' ')
    }
    return [lead, 'is', ...rest].join(' ')
  }
  // The wh-phrase is the wh-word and, for "what problem" / "which option", the noun after it.
  let aux = whAt + 1
  if (/^(?:what|which|whose)$/i.test(words[whAt]!) && !isAux(words[aux])) aux++
  if (!isAux(words[aux])) return words.join(' ') // "what triggers a pivot": already in order
  const d = declarative(words.slice(aux))
  return d ? [...words.slice(0, aux), ...d].join(' ') : undefined
}

const isAux = (w: string | undefined) =>
  w !== undefined && (BE.test(w) || MODAL.test(w) || DO.test(w) || HAVE.test(w))

/** The question's words a candidate might say, lower case: what may be lowercased in a point. */
export function lowerCaseWords(text: string): Set<string> {
  return new Set((text.match(/[\p{L}][\p{L}-]*/gu) ?? []).filter((w) => w === w.toLowerCase()))
}

/**
 * The point worded for "you covered …" / "Not reached: …". `ordinary` is the set of words the
 * question writes in lower case (lowerCaseWords), which tells an ordinary word from a name.
 */
export function phrasePoint(
  point: string,
  ordinary: ReadonlySet<string>,
  /** The clause ended with a question mark (points are kept without it). */
  asked = false,
): string {
  const words = point.split(/\s+/).filter((w) => w.length > 0)
  if (words.length === 0) return point
  const first = words[0]!
  // A question by its mark, or by its form: a wh-word first ("What triggers a pivot"), or an
  // aux before a pronoun ("Can we handle 100 bookings/sec"); "Do a canary release" is no question.
  const question =
    asked ||
    WH.test(first) ||
    /^(?:what|who|where|how)[’']s$/i.test(first) ||
    (/^(?:at|in|for|from|on|by|with)$/i.test(first) && WH.test(words[1] ?? '')) ||
    (isAux(first) && PRONOUN.test(words[1] ?? ''))
  if (question) {
    // Asked of the reader ("Is it backend…?") or of the team ("How will you measure…?").
    const asked = indirect(words.map((w, i) => (i === 0 ? lower(w, ordinary, true) : w)))
    if (asked) return asked.replace(/,(?= or )/g, '')
    // Only a question that opens with its aux needs quoting; "Why concurrent requests cause
    // token invalidation" reads as a phrase already.
    if (isAux(first)) return `the question "${point}?"`
    return [lower(first, ordinary, true), ...words.slice(1)].join(' ')
  }
  // A heading's words ("Kill Switch & Circuit Breaker", "Bulk Load (10TB initial sync)") are
  // capitalised as a title: each ordinary one is lowercased, and none is an instruction.
  if (isTitle(words)) return words.map((w) => lower(w, ordinary)).join(' ')
  const instruction = asInstruction(words)
  if (instruction) return instruction
  return [lower(first, ordinary), ...words.slice(1)].join(' ')
}

/** Whether the words outside parentheses of three letters or more all open in capitals (two at least). */
function isTitle(words: string[]): boolean {
  let depth = 0
  let capitalised = 0
  for (const w of words) {
    const outside = depth === 0 && !w.startsWith('(')
    depth += (w.match(/\(/g) ?? []).length - (w.match(/\)/g) ?? []).length
    const bare = w.replace(/[,;:]$/, '')
    if (!outside || !/^[A-Za-z]{3,}$/.test(bare)) continue
    if (!/^[A-Z]/.test(bare)) return false
    capitalised++
  }
  return capitalised >= 2
}

/** "Identify X" -> "identifying X"; "Explicitly state X" -> "explicitly stating X". */
function asInstruction(words: string[]): string | undefined {
  const adverb = /^[A-Z][a-z]+ly$/.test(words[0]!) && words.length > 2 ? 1 : 0
  const verbAt = (ws: string[], at: number) => {
    const w = ws[at]?.replace(/[,;:]$/, '') ?? ''
    const base = w.toLowerCase().replace(/^re-/, '')
    if (!/^[A-Za-z][a-z-]*$/.test(w) || !VERBS.has(base)) return false
    if (!NOUN_TOO.has(base)) return true
    const next = ws[at + 1]
    return next !== undefined && !/[,;:]$/.test(w) && OBJECT_START.test(next)
  }
  if (!verbAt(words, adverb)) return undefined
  const ing = (w: string) => {
    const comma = /,$/.test(w) ? ',' : ''
    const bare = w.replace(/,$/, '')
    const re = /^re-/i.test(bare) ? 're-' : ''
    return `${re}${gerund(bare.slice(re.length))}${comma}`
  }
  const out = words.map((w, i) => (i < adverb ? w.toLowerCase() : i === adverb ? ing(w) : w))
  // "Confirm symptom, check recent deploys", "Confirm and correlate", "Use transactions or
  // implement outbox pattern": the instructions joined to the first read the same way; never
  // inside parentheses ("(network timeout, partial commit, retry logic issue)"), and a word
  // that is also a noun only after a comma ("Add observability and load testing").
  let depth = 0
  for (let i = adverb + 1; i < out.length; i++) {
    const before = words[i - 1]!
    depth += (before.match(/\(/g) ?? []).length - (before.match(/\)/g) ?? []).length
    const w = words[i]!.replace(/,$/, '')
    if (depth > 0 || w !== w.toLowerCase() || !VERBS.has(w.replace(/^re-/, ''))) continue
    const afterComma = /,$/.test(before)
    const afterAnd = /^(?:and|or|but)$/.test(before) && !NOUN_TOO.has(w)
    if (afterComma || afterAnd) out[i] = ing(words[i]!)
  }
  return out.join(' ')
}

/** A first word in lower case when the question writes it so: never an acronym or a name. */
function lower(word: string, ordinary: ReadonlySet<string>, always = false): string {
  const m = /^([(“"]?)([A-Z][a-z]+(?:[’'-][a-z]+)*)([)”",;:]*)$/.exec(word)
  if (!m) return word
  const low = m[2]!.toLowerCase()
  // The question's own word, or its singular or plural ("Customers" where it says "customer").
  const known = [low, low.replace(/s$/, ''), `${low}s`].some((w) => ordinary.has(w))
  return always || known ? `${m[1]}${low}${m[3]}` : word
}
