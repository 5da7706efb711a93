import { splitSentences } from '../text/index.js'
import { INJECTION_FAMILIES, type InjectionFamily } from './injection-patterns.js'
import { textVariants } from './injection-text-variants.js'

/**
 * Recognises a candidate trying to step outside the interview: asking for the model answer, the
 * rubric or a score, faking a system line, role-play, or changing the interviewer's instructions.
 * It judges sentence by sentence (each line of a code block counts as one) and says WHICH
 * sentences are the attempt: they get the redirect, while the rest of the answer still counts.
 * Precision matters as much as recall: a false alarm drops a real answer and scolds the candidate,
 * so every pattern is held to a corpus of design talk (tests/server/interview/fixtures/injection).
 */
export type InjectionReport = {
  /** The attempt's sentences, verbatim, in order; empty when there is no attempt. */
  readonly sentences: readonly string[]
  /** Which families fired, for the interviewer's hidden notes. */
  readonly families: readonly string[]
  /** The answer without the attempt's sentences: what still counts as an answer. */
  readonly rest: string
}

export function detectInjection(
  text: string,
  families: readonly InjectionFamily[] = INJECTION_FAMILIES,
): InjectionReport {
  if (families !== INJECTION_FAMILIES) return detect(text, families)
  let report = reports.get(text)
  if (!report) {
    if (reportedChars + text.length > MAX_REPORTED_CHARS) {
      reports.clear()
      reportedChars = 0
    }
    report = freezeReport(detect(text, families))
    reports.set(text, report)
    reportedChars += text.length
  }
  return report
}

/**
 * Reports with the default families, by text. Every turn asks about every earlier answer again
 * (the coverage map's answers, their topics, the conversation memory: four or five times an
 * answer per turn), and the patterns against every form of every sentence cost about 0.2 ms a
 * call for a 90-word answer, on the thread that relays the streams. Frozen, as callers share them.
 * Bounded by the characters of the texts kept (an answer may be 16,000): a busy server forgets
 * old answers rather than growing without limit.
 */
const reports = new Map<string, InjectionReport>()
const MAX_REPORTED_CHARS = 2_000_000
let reportedChars = 0

const freezeReport = (report: InjectionReport): InjectionReport =>
  Object.freeze({
    ...report,
    sentences: Object.freeze([...report.sentences]),
    families: Object.freeze([...report.families]),
  })

function detect(text: string, families: readonly InjectionFamily[]): InjectionReport {
  const sentences: string[] = []
  const fired = new Set<string>()
  let rest = ''
  let from = 0
  for (const span of splitSentences(text)) {
    const hit = familyOf(span.text, families)
    if (hit === null) continue
    sentences.push(span.text)
    fired.add(hit)
    rest += text.slice(from, span.start)
    from = span.end
  }
  rest += text.slice(from)
  return { sentences, families: [...fired], rest: sentences.length > 0 ? tidy(rest) : text }
}

export function isInjectionAttempt(text: string): boolean {
  return detectInjection(text).sentences.length > 0
}

/** The answer with any attempt removed: what the coverage map may count. */
export function withoutInjection(text: string): string {
  return detectInjection(text).rest
}

function familyOf(sentence: string, families: readonly InjectionFamily[]): string | null {
  const variants = textVariants(sentence)
  for (const family of families) {
    if (family.patterns.some((p) => variants.some((v) => p.test(v)))) return family.name
  }
  return null
}

/** Joins what is left around removed sentences without doubled spaces or empty lines. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\n\s*\n\s*\n/g, '\n\n')
    .trim()
}
