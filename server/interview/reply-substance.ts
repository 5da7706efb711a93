/**
 * What a candidate's reply amounts to, by its form alone (no topic check): a reply to a follow-up
 * on a step counts toward that step whatever words it uses, so long as it says something.
 * - `substantive`: several sentences' worth of explanation;
 * - `thin`: a line or two with little in it ("I'd add monitoring.");
 * - `evasive`: a dodge ("not sure, it depends");
 * - `keyword-list`: a bare list of terms with nothing said about any of them.
 */
export type ReplySubstance = 'substantive' | 'thin' | 'evasive' | 'keyword-list'

/** Fewer words than this says too little to count as having dealt with a step. */
const SUBSTANTIVE_WORDS = 14
/** A list item this short is a term, not a thought ("canary", "cognitive load"). */
const TERM_WORDS = 3
/** A list with an item longer than this is prose with commas. */
const MAX_ITEM_WORDS = 6
const MIN_LIST_ITEMS = 3
/** A bare list is short: past this many words the candidate is explaining something. */
const MAX_LIST_WORDS = 45

const EVASION =
  /\b(i ?don'?t know|not sure|no idea|it depends|hard to say|can'?t say|i'?d have to (think|check|look)|i'?ll pass|pass on this|no comment|move on|next question|whatever works)\b/i

/** A lead that only introduces the list: "I would use", "Hidden costs:", "We need". */
const LEAD =
  /^(?:(?:so|well|ok|okay|um|basically)\b[\s,]*)?(?:(?:(?:i|we)(?:'d|'ll| would| will| could| should| can)?|you)\s+)?(?:(?:use|add|do|need|want|have|go with|set up|consider|look at|check|think about|say)\s+)?/i

/** Words that open a clause giving a reason, a condition or a consequence, never a term. */
const CLAUSE_START =
  /^(?:because|otherwise|so|since|unless|if|when|whenever|which|whereas|while|but|until|then|else)\b/i

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w))
}

/**
 * The terms of a bare keyword list ("Monitoring, dashboards, canary, rollback..."), or null when
 * the reply is not one. Tolerates a lead ("Hidden costs: a, b and c", "I'd use a, b, c").
 */
export function listedTerms(reply: string): string[] | null {
  const text = reply
    .replace(/\b(etc|and so on|and more)\b\.?/gi, '')
    .replace(/(\.\.\.|…)/g, '')
    .trim()
  const total = words(text).length
  if (total === 0 || total > MAX_LIST_WORDS) return null
  // "Hidden costs: a, b, c": the words before a colon name the list.
  const body = text.includes(':') ? text.slice(text.indexOf(':') + 1) : text
  const items = body
    // A slash between words joins one term ("pub/sub", "read/write"); with spaces it separates.
    .split(/[,;\n•·]|\s\/\s|\s[-–—]\s|\s+(?:and|or|plus)\s+|^\s*[-*]\s+/gim)
    .map((item) => item.replace(/^[\s\-*\d.)]+|[\s.!?]+$/g, '').trim())
    .filter((item) => words(item).length > 0)
  if (items.length < MIN_LIST_ITEMS) return null
  // A part that gives a reason or a condition is a clause, and the reply prose with commas: "...,
  // consumer-driven contract tests, otherwise every change breaks someone downstream".
  if (items.some((item) => CLAUSE_START.test(item))) return null
  const sizes = items.map((item) => words(item).length)
  if (sizes.some((n) => n > MAX_ITEM_WORDS)) return null
  const terms = sizes.filter((n) => n <= TERM_WORDS).length
  if (terms / items.length < 0.7) return null
  const first = items[0]!.replace(LEAD, '').trim()
  return [first || items[0]!, ...items.slice(1)]
}

/** Classifies a reply by its form. */
export function judgeReply(reply: string): ReplySubstance {
  const count = words(reply).length
  if (count < 25 && EVASION.test(reply)) return 'evasive'
  if (listedTerms(reply)) return 'keyword-list'
  return count >= SUBSTANTIVE_WORDS ? 'substantive' : 'thin'
}
