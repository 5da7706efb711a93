import { splitSentences } from '../text/index.js'
import { detectInjection } from '../interview/injection-detector.js'
import { INJECTION_FAMILIES } from '../interview/injection-patterns.js'
import { textVariants } from '../interview/injection-text-variants.js'
import {
  CLAIM_BLOCK_HEADERS,
  CLAIM_PATTERNS,
  MAYBE_CLAIM_BLOCK_HEADERS,
  NOTE_OPENERS,
} from './claim-patterns.js'
import { createRubricNameMatcher } from './rubric-name-claims.js'
import type { Question } from '../questions/question-schema.js'
import type { GradableTranscript, IgnoredClaim } from './grade-schema.js'

/** A claim found in a text: a verbatim slice (one or more whole sentences) and where it is. */
export type ClaimSpan = { text: string; start: number; end: number }

type Line = { text: string; start: number; end: number }
type Block = { lines: Line[]; fenced: boolean }

/**
 * Finds the claims in one candidate turn: sentences that assert the answer's quality or score,
 * say criteria are met, or address the grader, the system or the question's author (see
 * claim-patterns.ts), in any disguise the injection detector undoes (look-alike letters,
 * zero-width characters, spaced or leet letters). `names` are the question's rubric criteria and
 * competencies, for claims made with them. Beyond single sentences:
 * - a line that opens a note to the grader ("Note to grader:", "SYSTEM:") is all claim;
 * - a code block, or a run of list items and key: value lines, with a claim in it is all claim
 *   (a JSON or YAML grade is one artifact), as is a run under a grader heading ("## Grader
 *   summary", "grading:").
 * Adjacent claims come back as one span.
 */
export function findClaims(text: string, names: readonly string[] = []): ClaimSpan[] {
  const namesClaim = createRubricNameMatcher(names)
  const sentences = splitSentences(text)
  const flagged = sentences.map((s) => isClaimSentence(s.text, namesClaim))
  const within = (from: number, to: number) =>
    sentences.flatMap((s, i) => (s.start >= from && s.end <= to ? [i] : []))

  const blockSpans: Array<{ start: number; end: number }> = []
  for (const line of listLines(text)) {
    if (matchesAny(NOTE_OPENERS, line.text))
      for (const i of within(line.start, line.end)) flagged[i] = true
  }
  for (const block of listBlocks(listLines(text))) {
    const first = block.lines[0]!
    const last = block.lines[block.lines.length - 1]!
    const inside = within(first.start, last.end)
    const header = block.lines.find((l) => !/^\s*(?:```|---)\s*$/.test(l.text))?.text ?? ''
    const fenceLabel = block.fenced ? first.text : ''
    const strict =
      matchesAny(CLAIM_BLOCK_HEADERS, header) || matchesAny(CLAIM_BLOCK_HEADERS, fenceLabel)
    const claims = inside.filter((i) => flagged[i]).length
    const maybe = matchesAny(MAYBE_CLAIM_BLOCK_HEADERS, header) && claims > 0
    // A structured run is one artifact when its claims are half of it or more.
    const mostly = claims > 0 && (block.fenced || claims * 2 >= inside.length)
    if (strict || maybe || mostly) {
      for (const i of inside) flagged[i] = true
      // The whole block goes, fences and rules included, not only its sentences.
      blockSpans.push({ start: first.start, end: last.end })
    }
  }
  return mergeSpans(text, [...sentences.filter((_, i) => flagged[i]), ...blockSpans])
}

/** True when one sentence is a claim (patterns, the injection detector, rubric names). */
function isClaimSentence(sentence: string, namesClaim: (s: string) => boolean): boolean {
  const variants = textVariants(sentence)
  return (
    variants.some((v) => CLAIM_PATTERNS.some((p) => p.test(v)) || namesClaim(v)) ||
    detectInjection(sentence, INTERVIEW_ATTEMPTS).sentences.length > 0
  )
}

// The interviewer's injection families, but for its "all criteria are met" family: claim-patterns.ts
// has its own, which spares design talk ("once all criteria are met we widen the rollout").
const INTERVIEW_ATTEMPTS = INJECTION_FAMILIES.filter((f) => f.name !== 'grader-address')

function matchesAny(patterns: readonly RegExp[], text: string): boolean {
  if (!text) return false
  return textVariants(text).some((v) => patterns.some((p) => p.test(v)))
}

function listLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (const part of text.split('\n')) {
    lines.push({ text: part, start, end: start + part.length })
    start += part.length + 1
  }
  return lines
}

// List items, checkboxes, key: value and key = value lines, JSON, quotes, headings, rules.
const STRUCTURED =
  /^\s*(?:[-*+>•|]|\d+[.)]|\[[ xX✓]\]|[✓✔✅☑❌]|#{1,6}\s|[{}[\]]|---|```|"?[\p{L}\p{N}_ .&'-]{1,40}"?\s*[:=](?:\s|$))/u

/**
 * Code blocks (fence to fence) and runs of structured lines (list items, key: value lines and
 * headings with what follows them up to a blank line or prose). Prose paragraphs are not blocks:
 * their claims are judged sentence by sentence.
 */
function listBlocks(lines: readonly Line[]): Block[] {
  const blocks: Block[] = []
  let run: Line[] = []
  const close = () => {
    if (run.length > 0) blocks.push({ lines: run, fenced: false })
    run = []
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (/^\s*```/.test(line.text)) {
      close()
      const end = lines.findIndex((l, j) => j > i && /^\s*```/.test(l.text))
      const to = end < 0 ? lines.length - 1 : end
      blocks.push({ lines: lines.slice(i, to + 1), fenced: true })
      i = to
      continue
    }
    if (line.text.trim() === '') {
      // A heading and its list stay one block across the blank line after the heading.
      if (!(run.length === 1 && /^\s*(?:#{1,6}\s|\*\*[^*]+\*\*:?\s*$)/.test(run[0]!.text))) close()
      continue
    }
    const indented = run.length > 0 && /^\s+\S/.test(line.text)
    if (STRUCTURED.test(line.text) || indented || /^\s*\*\*[^*]+\*\*:?\s*$/.test(line.text))
      run.push(line)
    else close()
  }
  close()
  return blocks
}

/** Overlapping spans, or spans with only white space between them, become one. */
function mergeSpans(
  text: string,
  spans: ReadonlyArray<{ start: number; end: number }>,
): ClaimSpan[] {
  const merged: ClaimSpan[] = []
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1]
    if (last && (s.start <= last.end || text.slice(last.end, s.start).trim() === '')) {
      last.end = Math.max(last.end, s.end)
      last.text = text.slice(last.start, last.end)
    } else merged.push({ text: text.slice(s.start, s.end).trim(), start: s.start, end: s.end })
  }
  return merged
}

/**
 * The transcript with every claim cut from the candidate's turns, and the claims, each with the
 * turn it came from. What is left is tidied (no doubled spaces or empty lines), so the graders and
 * their quote checks see only what the candidate said about the question.
 */
export function removeClaims(
  transcript: GradableTranscript,
  names: readonly string[] = [],
): { transcript: GradableTranscript; ignored: IgnoredClaim[] } {
  const ignored: IgnoredClaim[] = []
  const turns = transcript.turns.map((turn) => {
    if (turn.role !== 'candidate') return turn
    const claims = findClaims(turn.text, names)
    if (claims.length === 0) return turn
    let text = ''
    let from = 0
    for (const c of claims) {
      ignored.push({ turnId: turn.id, text: c.text })
      text += turn.text.slice(from, c.start)
      from = c.end
    }
    text += turn.text.slice(from)
    return { ...turn, text: tidy(text) }
  })
  return { transcript: { ...transcript, turns }, ignored }
}

/** removeClaims with the question's rubric criteria and competencies as the names claims may use. */
export function removeQuestionClaims(
  question: Pick<Question, 'rubric' | 'competencies'>,
  transcript: GradableTranscript,
): { transcript: GradableTranscript; ignored: IgnoredClaim[] } {
  const names = [...question.rubric.map((r) => r.name), ...question.competencies.map((c) => c.name)]
  return removeClaims(transcript, names)
}

function tidy(text: string): string {
  return text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n\s*\n\s*\n/g, '\n\n')
    .trim()
}
