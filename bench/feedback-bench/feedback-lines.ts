import type { Grade } from '../../server/grading/grade-schema.js'

/**
 * One statement a grade makes to the candidate that a reader can check against the transcript:
 * a next step, a model-answer point said to be covered or not reached, a framework step's label,
 * or a quote given as a criterion's evidence. Keys are what a label is stored under, so a later
 * grade that says the same thing is scored by the same label without labelling again.
 */
export type FeedbackLine =
  | { kind: 'next'; text: string }
  | { kind: 'covered'; point: string }
  | { kind: 'missing'; point: string }
  | { kind: 'step'; step: number; coverage: 'none' | 'partial' | 'full' }
  | { kind: 'quote'; criterion: string; sentence: string }
  | { kind: 'competency-quote'; criterion: string; sentence: string }

/** "a; b; c." -> ["a", "b", "c"]: points never hold a semicolon (missing-points.ts splits at them). */
export function splitPoints(list: string): string[] {
  return list
    .replace(/\.\s*$/, '')
    .split(/;\s+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
}

/** Points after "Not reached:" in a line, if any. */
export function notReached(text: string): string[] {
  const m = /Not reached: (.*)$/.exec(text)
  return m ? splitPoints(m[1]!) : []
}

/** Every checkable statement of a grade, each once. */
export function feedbackLines(grade: Grade): FeedbackLine[] {
  const lines: FeedbackLine[] = []
  const covered = new Set<string>()
  const missing = new Set<string>()
  // Strengths and rationales name covered points; "missing" lines and next steps name points not reached.
  for (const s of grade.strengths) {
    const m = /: you covered (.*)$/.exec(s)
    if (m) for (const p of splitPoints(m[1]!)) covered.add(p)
  }
  for (const c of [...grade.criteria, ...grade.competencies]) {
    const m = /Covered: (.*?\.)(?: [A-Z0-9]|$)/.exec(c.rationale)
    if (m) for (const p of splitPoints(m[1]!)) covered.add(p)
    for (const p of notReached(c.missing)) missing.add(p)
  }
  for (const n of grade.nextSteps) {
    lines.push({ kind: 'next', text: n })
    for (const p of notReached(n)) missing.add(p)
  }
  for (const p of covered) lines.push({ kind: 'covered', point: p })
  for (const p of missing) lines.push({ kind: 'missing', point: p })
  for (const f of grade.framework) lines.push({ kind: 'step', step: f.step, coverage: f.coverage })
  for (const c of grade.criteria)
    for (const e of c.evidence) lines.push({ kind: 'quote', criterion: c.name, sentence: e.quote })
  // A competency named like a criterion shares its grade (and quotes): judged once, as a criterion.
  const named = new Set(grade.criteria.map((c) => c.name))
  for (const c of grade.competencies.filter((c) => !named.has(c.name)))
    for (const e of c.evidence)
      lines.push({ kind: 'competency-quote', criterion: c.name, sentence: e.quote })
  return lines
}

/** A sentence's label key: its first 60 characters, enough to tell sentences of one transcript apart. */
export const sentenceKey = (sentence: string) => sentence.slice(0, 60)
