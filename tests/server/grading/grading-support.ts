import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createGradingAnalyzer } from '../../../server/grading/answer-coverage.js'
import {
  GradableTranscriptSchema,
  type GradableTranscript,
  type Grade,
} from '../../../server/grading/grade-schema.js'
import { normaliseForQuote } from '../../../server/grading/normalise-quote.js'
import { createOfflineGrader, type OfflineGrader } from '../../../server/grading/offline-grader.js'
import { loadQuestionBank, type QuestionBank } from '../../../server/questions/question-bank.js'
import { createWinkEmbeddingsLoader } from '../../../server/text/wink-embeddings-loader.js'

export const repoRoot = resolve(import.meta.dirname, '../../..')
export const FIXTURE_QUESTIONS = [
  'the-payment-race-condition',
  'the-cache-invalidation-crisis',
  'the-graphql-n-1-mystery',
]
/** Quality levels of the fixture transcripts, best first. */
export const LEVELS = ['strong', 'good', 'partial', 'weak', 'non-answer'] as const

/** The real bank and the real word vectors, as production grades with them. */
export async function setUpGrader(): Promise<{ bank: QuestionBank; grader: OfflineGrader }> {
  const bank = await loadQuestionBank(join(repoRoot, 'questions'))
  const loader = createWinkEmbeddingsLoader()
  // Load the vectors here, under the hook timeout, not inside the first test.
  loader.load()
  const grader = createOfflineGrader({
    analyzer: createGradingAnalyzer(loader),
    now: () => new Date('2026-01-01T00:00:00Z'),
  })
  return { bank, grader }
}

export function readFixture(questionId: string, level: string): GradableTranscript {
  const file = join(repoRoot, 'tests/fixtures/transcripts', questionId, `${level}.json`)
  return GradableTranscriptSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
}

export function oneTurn(questionId: string, text: string): GradableTranscript {
  return {
    questionId,
    turns: [
      { id: 'i1', role: 'interviewer', text: 'Walk me through it.' },
      { id: 'c1', role: 'candidate', text },
    ],
  }
}

/** Every quote of a grade that is not in the candidate turn it names (should be none). */
export function quotesNotVerbatim(grade: Grade, transcript: GradableTranscript): string[] {
  const turns = new Map(
    transcript.turns.filter((t) => t.role === 'candidate').map((t) => [t.id, t.text]),
  )
  return [...grade.criteria, ...grade.competencies]
    .flatMap((c) => c.evidence)
    .filter((e) => {
      const turn = turns.get(e.turnId)
      // Quotes are whole sentences copied from the turn: they must match exactly, not just normalised.
      return (
        turn === undefined ||
        !turn.includes(e.quote) ||
        !normaliseForQuote(turn).includes(normaliseForQuote(e.quote))
      )
    })
    .map((e) => `${e.turnId}: ${e.quote}`)
}
