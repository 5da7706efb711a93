import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importSeedDocument } from '../../../server/questions/seed-importer.js'

const SEED = readFileSync('../shared/seed/interview-questions.txt', 'utf8')

/** 1-based number of the first line equal to `text` (after trimming), searched from `from`. */
function lineOf(doc: string, text: string, from = 1): number {
  const at = doc.split('\n').findIndex((l, i) => i + 1 >= from && l.trim() === text)
  if (at < 0) throw new Error(`no line "${text}"`)
  return at + 1
}
const dropLine = (doc: string, n: number) => doc.split('\n').filter((_, i) => i + 1 !== n).join('\n')
const replaceLine = (doc: string, n: number, text: string) =>
  doc.split('\n').map((l, i) => (i + 1 === n ? text : l)).join('\n')

/** A small valid document; each test breaks one thing in it. */
const SMALL = [
  'Question 1: The Tiny Cache', // 1
  '',
  'Difficulty: High', // 3
  'Role: Backend Developer',
  'Level: Mid (3+ Years)',
  'Company Examples: Acme, Globex',
  '',
  'Question: “Why is the cache slow?”', // 8
  '',
  'The cache answers in 2 seconds. Find out why.',
  '',
  '1. What is This Question Testing?', // 12
  '',
  '  • Caching: Do you know TTLs?',
  '',
  '2. Framework to Answer This Question', // 16
  '',
  'Use the “Measure First Framework”:',
  '',
  'Structure:',
  '1. Measure - Look at the numbers', // 21
  '2. Fix - Change one thing',
  '',
  '3. The Answer', // 24
  '',
  'Answer:',
  '',
  'I would measure the hit rate first, then look at the eviction policy, the TTLs and the size of the values. ' +
    'A cache that is slow usually evicts too much or stores values that are too large to copy quickly, ' +
    'so I would check both, change one thing at a time and measure again after each change.',
  '',
  '4. Interview Score', // 30
  '',
  '8/10', // 32
  '',
  'Why this score:', // 34
  '- Measurement: Started from data',
  '- Focus: Changed one thing at a time',
].join('\n')

const errorsOf = (doc: string) => {
  const result = importSeedDocument(doc)
  if (result.ok) throw new Error('expected the document to be rejected')
  return result.errors
}

describe('importSeedDocument on malformed documents', () => {
  it('accepts the small document the other cases break', () => {
    const result = importSeedDocument(SMALL)
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.questions[0]).toMatchObject({ id: 'the-tiny-cache', companies: ['Acme', 'Globex'] })
  })

  it('rejects a missing section at the line where it was expected', () => {
    const framework = lineOf(SEED, '2. Framework to Answer This Question')
    const doc = dropLine(SEED, framework)
    const answer = lineOf(doc, '3. The Answer')
    expect(errorsOf(doc)).toEqual([
      { line: answer, message: expect.stringContaining('expected the section "2. Framework to Answer This Question"') },
    ])
  })

  it('rejects a score that is not "N/10"', () => {
    const score = lineOf(SEED, '9/10')
    expect(errorsOf(replaceLine(SEED, score, 'nine out of ten'))).toEqual([
      { line: score, message: expect.stringContaining('expected a score "N/10"') },
    ])
    expect(errorsOf(replaceLine(SMALL, 32, '12/10'))).toEqual([
      { line: 32, message: expect.stringContaining('N/10') },
    ])
  })

  it('rejects a framework with no steps', () => {
    const doc = replaceLine(replaceLine(SMALL, 21, ''), 22, '')
    expect(errorsOf(doc)).toEqual([{ line: 16, message: expect.stringContaining('numbered framework steps') }])
  })

  it('rejects a duplicate id, naming both lines', () => {
    const first = lineOf(SEED, 'Question 1: The Architectural Time Bomb')
    const end = lineOf(SEED, 'Question 2: The Production Performance Mystery')
    const copy = SEED.split('\n').slice(first - 1, end - 1)
    copy[0] = 'Question 16: The Architectural Time Bomb'
    const trailer = lineOf(SEED, 'End of All 15 Questions')
    const lines = SEED.split('\n')
    const doc = [...lines.slice(0, trailer - 1), ...copy, ...lines.slice(trailer - 1)].join('\n')
    expect(errorsOf(doc)).toEqual([
      { line: trailer, message: `duplicate id "the-architectural-time-bomb": the title at line ${first} gives the same id` },
    ])
  })

  it('rejects a missing Difficulty line and an unknown difficulty', () => {
    expect(errorsOf(dropLine(SMALL, 3))).toEqual([
      { line: 7, message: expect.stringContaining('expected a "Difficulty: ..." line') },
    ])
    const difficulty = lineOf(SEED, 'Difficulty: Medium')
    expect(errorsOf(replaceLine(SEED, difficulty, 'Difficulty: Extreme'))).toEqual([
      { line: difficulty, message: expect.stringContaining('unknown difficulty "Extreme"') },
    ])
  })

  it('rejects a stray line among the metadata', () => {
    expect(errorsOf(replaceLine(SMALL, 4, 'Rolle: Backend'))).toEqual([
      { line: 4, message: expect.stringContaining('expected a metadata line') },
    ])
  })

  it('rejects a question with no rubric criteria', () => {
    const doc = SMALL.split('\n').slice(0, 34).join('\n')
    expect(errorsOf(doc)).toEqual([{ line: 34, message: expect.stringContaining('at least one rubric criterion') }])
  })

  it('rejects a malformed rubric criterion and a missing "Why this score:"', () => {
    expect(errorsOf(replaceLine(SMALL, 35, '- no colon here'))).toEqual([
      { line: 35, message: expect.stringContaining('"- Name: description"') },
    ])
    expect(errorsOf(replaceLine(SMALL, 34, 'Because:'))).toEqual([
      { line: 34, message: expect.stringContaining('"Why this score:"') },
    ])
  })

  it('rejects a competency without a name', () => {
    expect(errorsOf(replaceLine(SMALL, 14, '  • caching matters'))).toEqual([
      { line: 14, message: expect.stringContaining('"• Name: description"') },
    ])
  })

  it('rejects a document with no questions at all', () => {
    expect(errorsOf('Interview questions\n\nnothing here yet\n')).toEqual([
      { line: 1, message: expect.stringContaining('"Question N: Title"') },
    ])
  })

  it('reports the problems of several questions at once', () => {
    const doc = replaceLine(replaceLine(SEED, lineOf(SEED, '9/10'), '9'), lineOf(SEED, 'Difficulty: Medium'), 'Difficulty: ?')
    expect(errorsOf(doc).map((e) => e.line)).toEqual([lineOf(SEED, '9/10'), lineOf(SEED, 'Difficulty: Medium')])
  })
})
