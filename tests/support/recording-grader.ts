import type { GradableTranscript, Grade } from '../../server/grading/grade-schema.js'
import type { TranscriptGrader } from '../../server/grading/grading-service.js'
import type { Question } from '../../server/questions/question-schema.js'

/**
 * A recording fake of a transcript grader: keeps every call, quotes the first words of the first
 * candidate turn as evidence, and can be made to fail or to hold until `release()`.
 */
export class RecordingGrader implements TranscriptGrader {
  readonly calls: { questionId: string; transcript: GradableTranscript }[] = []
  private held: Promise<void> | null = null
  private releaseHeld: () => void = () => {}

  constructor(
    readonly kind: 'offline' | 'llm' = 'offline',
    private failure: Error | null = null,
  ) {}

  /** Later calls wait until release() is called. */
  hold(): void {
    this.held = new Promise((resolve) => (this.releaseHeld = resolve))
  }

  release(): void {
    this.releaseHeld()
    this.held = null
  }

  failWith(error: Error | null): void {
    this.failure = error
  }

  async grade(question: Question, transcript: GradableTranscript): Promise<Grade> {
    this.calls.push({ questionId: question.id, transcript })
    if (this.held) await this.held
    if (this.failure) throw this.failure
    const answer = transcript.turns.find((t) => t.role === 'candidate')
    const quote = answer?.text.split(/\s+/).slice(0, 6).join(' ') ?? ''
    const criteria = question.rubric.map((r, i) => ({
      name: r.name,
      evidence: answer && i === 0 ? [{ turnId: answer.id, quote }] : [],
      rationale: `Judged by the ${this.kind} test grader.`,
      missing: i === 0 ? '' : 'Not addressed.',
      score: i === 0 ? 6 : 2,
      verdict: 'scored' as const,
      spread: 0,
    }))
    return {
      questionId: question.id,
      criteria,
      competencies: [],
      framework: question.framework.steps.map((s) => ({
        step: s.number,
        name: s.name,
        coverage: 'none' as const,
      })),
      overall: 4,
      strengths: ['Starts from the symptom'],
      gaps: ['No idempotency key'],
      nextSteps: ['One', 'Two', 'Three'],
      droppedQuotes: 0,
      ignored: [],
      grader: { kind: this.kind, model: `${this.kind}-test`, promptVersion: 'test', samples: 1 },
      gradedAt: '2026-01-01T10:00:00.000Z',
    }
  }
}
