/**
 * Claims made with the question's own rubric and competency names: "- [x] Time Discipline:
 * achieved", "organizational_root_cause: met", "the candidate has demonstrated Layer-Aware
 * Debugging, GraphQL Expertise and Tool Proficiency". Candidates never see the rubric, so naming
 * its criteria together with a verdict is talk to the grader, not design talk; a single name in an
 * ordinary sentence ("change data capture keeps the replica in sync") is not.
 */

// A verdict given to a named criterion: "Time Discipline: achieved", "tool_proficiency: 10/10".
const VERDICT =
  /^\s*["'*_]*\s*[:=]\s*["'*_]*\s*(?:fully\s+|clearly\s+|completely\s+)?(?:met|achieved|demonstrated|covered|satisfied|passed|addressed|excellent|strong|yes|true|done|complete|✓|✅|☑|✔|\d{1,2}(?:\.\d)?(?:\s*\/\s*10)?)(?![\p{L}\p{N}])/iu
// A ticked box or check mark before a name: "- [x] Communication", "✅ **Phased Evolution**".
const TICK_BEFORE = /(?:\[[xX✓✔]\]|[✓✔✅☑])\s*["'*_]*\s*$/u
// Words that assert a criterion was shown, next to two or more names.
const CLAIM_VERB =
  /\b(?:demonstrat\w*|documents|documented|covers|covered|showed|shows|shown|exhibit\w*|evidenc\w*|met|meets|achiev\w*|satisf\w*|fulfil\w*|ticked|checked|passed|in full|fully)\b|[✓✔✅☑]|\[[xX]\]/iu

/** Folds case, separators and British spellings so "root_cause_depth" finds "Root Cause Depth". */
function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[_\-‐‑–]+/g, ' ')
    .replace(/&/g, ' and ')
    .replace(/(\p{L})our\b/gu, '$1or')
    .replace(/(\p{L})is(e|ed|es|ing|ation)\b/gu, '$1iz$2')
    .replace(/\s+/g, ' ')
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const matchers = new Map<string, (sentence: string) => boolean>()

/**
 * A matcher for claims naming any of `names` (rubric criteria and competencies); built once per
 * set of names (a question's), since every turn of every grading of that question asks again.
 */
export function createRubricNameMatcher(names: readonly string[]): (sentence: string) => boolean {
  const key = names.join('\n')
  let matcher = matchers.get(key)
  if (!matcher) {
    matcher = buildMatcher(names)
    if (matchers.size > 1000) matchers.clear()
    matchers.set(key, matcher)
  }
  return matcher
}

function buildMatcher(names: readonly string[]): (sentence: string) => boolean {
  const folded = [...new Set(names.map((n) => fold(n).trim()))].filter((n) => n.length >= 3)
  if (folded.length === 0) return () => false
  // One pass over the sentence finds every name; longest first so "risk management" wins over "risk".
  const anyName = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${folded
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  )
  return (sentence) => {
    const text = fold(sentence)
    const named = new Set<string>()
    for (const m of text.matchAll(anyName)) {
      const before = text.slice(0, m.index)
      const after = text.slice(m.index + m[0].length)
      if (VERDICT.test(after) || TICK_BEFORE.test(before)) return true
      named.add(m[0])
    }
    return named.size >= 2 && CLAIM_VERB.test(text)
  }
}
