import type { ImportError, SourceLine } from './source-line.js'

/** `Question 3: The Monolith Technical Debt Dilemma` starts a question. */
const QUESTION_HEADER = /^\s*Question\s+(\d+)\s*:\s*(\S.*?)\s*$/
/** A line like `End of All 15 Questions` closes the document; what follows is ignored. */
const TRAILER = /^\s*End of\b/i

/** The four numbered sections every question has, in this order. */
const SECTIONS = [
  { key: 'testing', title: '1. What is This Question Testing?', pattern: /^\s*1\.\s*What is This Question Testing\?\s*$/i },
  { key: 'framework', title: '2. Framework to Answer This Question', pattern: /^\s*2\.\s*Framework to Answer This Question\s*$/i },
  { key: 'answer', title: '3. The Answer', pattern: /^\s*3\.\s*The Answer\s*$/i },
  { key: 'score', title: '4. Interview Score', pattern: /^\s*4\.\s*Interview Score\s*$/i },
] as const

export type SectionKey = (typeof SECTIONS)[number]['key']

/** One question's lines: its header, then everything up to the next header or the trailer. */
export type QuestionChunk = { header: SourceLine; number: number; title: string; body: SourceLine[] }

/** Splits a document into question chunks; the text before the first header is a preamble. */
export function splitQuestions(lines: SourceLine[]): QuestionChunk[] {
  const chunks: QuestionChunk[] = []
  for (const line of lines) {
    if (TRAILER.test(line.text) && chunks.length > 0) break
    const header = QUESTION_HEADER.exec(line.text)
    if (header) {
      chunks.push({ header: line, number: Number(header[1]), title: header[2]!, body: [] })
    } else chunks.at(-1)?.body.push(line)
  }
  return chunks
}

export type QuestionSections = {
  /** From the line after the header up to the first section: metadata, question, scenario. */
  intro: SourceLine[]
  sections: Record<SectionKey, { heading: SourceLine; lines: SourceLine[] }>
}

/**
 * Finds the four sections in order. A missing one is reported at the line where it was
 * expected: the next section's heading, or the end of the question.
 */
export function splitSections(
  chunk: QuestionChunk,
): { ok: true; value: QuestionSections } | { ok: false; error: ImportError } {
  const found: number[] = []
  let from = 0
  for (const section of SECTIONS) {
    const at = chunk.body.findIndex((l, i) => i >= from && section.pattern.test(l.text))
    if (at < 0) {
      const later = SECTIONS.slice(SECTIONS.indexOf(section) + 1)
      const nextAt = chunk.body.findIndex(
        (l, i) => i >= from && later.some((s) => s.pattern.test(l.text)),
      )
      const where = chunk.body[nextAt] ?? chunk.body.at(-1) ?? chunk.header
      return {
        ok: false,
        error: {
          line: where.n,
          message: `question ${chunk.number}: expected the section "${section.title}" before this line`,
        },
      }
    }
    found.push(at)
    from = at + 1
  }
  const slice = (k: number) => ({
    heading: chunk.body[found[k]!]!,
    lines: chunk.body.slice(found[k]! + 1, found[k + 1] ?? chunk.body.length),
  })
  return {
    ok: true,
    value: {
      intro: chunk.body.slice(0, found[0]),
      sections: { testing: slice(0), framework: slice(1), answer: slice(2), score: slice(3) },
    },
  }
}
