import { beforeAll, describe, expect, it } from 'vitest'
import { createGradingAnalyzer } from '../../../server/grading/answer-coverage.js'
import { listCandidateSentences } from '../../../server/grading/candidate-sentences.js'
import { measureContent } from '../../../server/grading/content-measure.js'
import { questionPoints } from '../../../server/grading/missing-points.js'
import { buildQuestionProfile } from '../../../server/grading/question-profile.js'
import { matchSentences, reachFromMatrix } from '../../../server/grading/sentence-matches.js'
import type { Question } from '../../../server/questions/question-schema.js'
import { loadQuestionBank } from '../../../server/questions/question-bank.js'
import { join } from 'node:path'
import { readFixture, repoRoot } from './grading-support.js'

// Without word vectors similarity is exact (same stem, or a misspelling), so the matrix and the
// analyzer's own coverage must agree to the last digit: the shortcut changes cost, not meaning.
const analyzer = createGradingAnalyzer(undefined)
let question: Question

beforeAll(async () => {
  const bank = await loadQuestionBank(join(repoRoot, 'questions'))
  question = bank.get('the-graphql-n-1-mystery')!
})

function measured() {
  const profile = buildQuestionProfile(analyzer, question)
  const transcript = readFixture(question.id, 'good')
  const sentences = listCandidateSentences(transcript)
  const content = measureContent(
    analyzer,
    profile,
    sentences.map((s) => s.text),
  )
  return { profile, sentences, content, transcript }
}

describe('matchSentences', () => {
  it("gives each sentence's coverage of each target as the analyzer measures it", () => {
    const { profile, sentences, content } = measured()
    const targets = profile.targets.map((_, i) => i)
    const matchOf = matchSentences(profile, content.matrix, targets)
    let compared = 0
    sentences.forEach((s, k) =>
      targets.forEach((t) => {
        const coverage = analyzer.coverage(s.text, profile.targets[t]!.reference, {
          demote: profile.demote,
        })
        const match = matchOf(k, t)
        expect(match.score).toBeCloseTo(coverage.score, 6)
        expect(match.matched).toBe(coverage.matchedTerms.length)
        compared += match.matched
      }),
    )
    // The fixture does reach the references, so the comparison is not all zeros.
    expect(compared).toBeGreaterThan(10)
  })
})

describe('reachFromMatrix', () => {
  it("gives the whole answer's coverage of each model-answer point as the analyzer measures it", () => {
    const { profile, content, transcript } = measured()
    const reachOf = reachFromMatrix(analyzer, profile, content.matrix)
    const answer = transcript.turns
      .filter((t) => t.role === 'candidate')
      .map((t) => t.text)
      .join('\n\n')
    const points = questionPoints(question)
    let known = 0
    let reached = 0
    for (const point of points) {
      const reach = reachOf(point)
      if (reach === undefined) continue
      known++
      const coverage = analyzer.coverage(answer, point, { demote: profile.demote }).score
      expect(reach).toBeCloseTo(coverage, 6)
      if (reach >= 0.5) reached++
    }
    expect(known).toBe(points.length)
    expect(reached).toBeGreaterThan(0)
    expect(reachOf('a zebra crossing in Ulaanbaatar')).toBeUndefined()
  })
})
