import type { Question } from '../../server/questions/question-schema.js'
import type { Turn } from '../../server/sessions/session-schema.js'
import { splitSentences } from '../../server/text/index.js'
import { topicAnswers } from '../../server/interview/build-interview-context.js'
import type { CoverageTracker } from '../../server/interview/coverage-tracker.js'
import { withoutInjection } from '../../server/interview/injection-detector.js'
import { computeInterviewCoverage } from '../../server/interview/interview-coverage.js'
import { listedTerms } from '../../server/interview/reply-substance.js'
import type { InterviewRecord } from './run-interview.js'

/**
 * Why each follow-up aimed at a step the candidate's labels had covered was asked: every answer
 * the candidate gave before it, with its labels and, per sentence, the coverage map's score for
 * each framework step (the sentence alone, as the interviewer's sentence topics see it); then the
 * step-level map and the answer topics the interviewer had at that turn (computeInterviewCoverage
 * on the same tracker the server builds, stems only). For `npm run bench:interviewer -- --explain`.
 * Criterion targets are left out: only step targets are explained.
 */
export async function explainFlagged(
  question: Question,
  record: InterviewRecord,
  tracker: CoverageTracker,
): Promise<string[]> {
  const lines: string[] = []
  const turns: Turn[] = []
  const covered = new Set<number>()
  const said: string[] = []
  for (const { move, reply } of record.exchanges) {
    if (move?.type === 'answer') {
      turns.push(candidateTurn(turns.length + 1, 'answer', move.text))
      said.push(describeAnswer(question, tracker, move.text, move.covers, move.form))
      for (const step of move.covers) covered.add(step)
    } else if (move?.type === 'clarify') {
      turns.push(candidateTurn(turns.length + 1, 'clarifying-question', move.text))
    }
    const step = /^step:(\d+)$/.exec(reply.target ?? '')
    if (reply.kind === 'follow-up' && step && covered.has(Number(step[1]))) {
      const answers = turns
        .filter((t) => t.kind === 'answer')
        .map((t) => withoutInjection(t.text))
        .filter((text) => text.length > 0 && listedTerms(text) === null)
      const { coverage, answerTopics } = await computeInterviewCoverage(tracker, question, {
        answers,
        focus: null,
        latestAnswer: null,
        replies: topicAnswers(turns),
      })
      const map = coverage.map.steps.map((s) => `${s.id.slice(5)} ${s.score.toFixed(2)}`)
      lines.push(
        `asked about covered step ${step[1]} (${reply.probe?.move ?? 'no probe'}): ${reply.text}`,
        ...said.map((s) => `  ${s}`),
        `  map by step: ${map.join(', ')}; answer topics: ${answerTopics.join(', ') || 'none'}`,
      )
    }
    turns.push(reply)
  }
  return lines
}

/** An answer's labels, then each sentence's step scores ("0.71 0.21 ... | sentence"). */
function describeAnswer(
  question: Question,
  tracker: CoverageTracker,
  text: string,
  covers: readonly number[],
  form: string,
): string {
  const head = `answer (${form}, labelled ${covers.length > 0 ? covers.join(', ') : 'none'})`
  if (form !== 'step') return `${head}: ${text.slice(0, 100)}`
  const sentences = splitSentences(text).map((s) => {
    const steps = tracker.snapshot(question, [s.text], null).map.steps
    return `    ${steps.map((x) => x.score.toFixed(2)).join(' ')} | ${s.text.slice(0, 100)}`
  })
  return [`${head}, each sentence's score by step:`, ...sentences].join('\n')
}

function candidateTurn(seq: number, kind: Turn['kind'], text: string): Turn {
  return {
    id: `explain-${seq}`,
    sessionId: 'explain',
    seq,
    role: 'candidate',
    kind,
    text,
    clientId: null,
    createdAt: '',
    completedAt: null,
    target: null,
    hiddenNotes: null,
    provider: null,
    model: null,
    usage: null,
    leaksCaught: 0,
  }
}
