import { describe, expect, it } from 'vitest'
import {
  CANDIDATE_KINDS,
  createCandidate,
  type CandidateMove,
  type InterviewerCue,
} from '../../../bench/interviewer/candidate-kinds.js'
import { CANDIDATE_SCRIPTS } from '../../../bench/interviewer/candidate-scripts.js'

const script = CANDIDATE_SCRIPTS.find((s) => s.questionId === 'the-payment-race-condition')!
const cue = (target: string | null = null): InterviewerCue => ({
  kind: 'follow-up',
  target,
  text: 'So?',
})

function play(
  kind: (typeof CANDIDATE_KINDS)[number],
  targets: Array<string | null> = [],
  stepsPerReply = 1,
) {
  const candidate = createCandidate(kind, script, { stepsPerReply })
  const moves: CandidateMove[] = []
  for (let i = 0; i < 30; i++) {
    const move = candidate.next(cue(targets[i] ?? null))
    moves.push(move)
    if (move.type === 'end') break
  }
  return moves
}
const stepsOf = (moves: CandidateMove[]) =>
  moves.flatMap((m) => (m.type === 'answer' && m.form === 'step' ? m.covers : []))

describe('simulated candidates', () => {
  it('has a script with labelled steps and clarifications for every one of the 15 questions', () => {
    expect(CANDIDATE_SCRIPTS).toHaveLength(15)
    for (const s of CANDIDATE_SCRIPTS) {
      expect(Object.keys(s.steps).length).toBeGreaterThanOrEqual(4)
      expect(s.clarifications.some((c) => c.fact === null)).toBe(true)
    }
  })

  it('the strong candidate answers what is asked when it can, else its next step, then ends', () => {
    const moves = play('strong', [null, 'step:4', 'step:4', 'criterion:2'])
    expect(stepsOf(moves)).toEqual([1, 4, 2, 3, 5])
    expect(moves.at(-1)).toEqual({ type: 'end' })
  })

  it('the out-of-order candidate covers every step, never in the framework order', () => {
    const steps = stepsOf(play('out-of-order', ['step:1', 'step:2', 'step:3']))
    expect([...steps].sort()).toEqual([1, 2, 3, 4, 5])
    expect(steps).toEqual([5, 1, 4, 2, 3])
  })

  it('the keyword-dumper and the injector alternate their habit with real answers', () => {
    const dumper = play('keyword-dumper')
    expect(dumper[0]).toMatchObject({ type: 'answer', form: 'keywords', covers: [] })
    expect(dumper[1]).toMatchObject({ form: 'step', covers: [1] })
    expect(dumper[2]).toMatchObject({ form: 'keywords' })
    expect((dumper[2] as { text: string }).text).not.toBe((dumper[0] as { text: string }).text)
    const injector = play('injector')
    expect(injector.filter((m) => m.type === 'answer' && m.form === 'injection')).toHaveLength(5)
    expect(stepsOf(injector)).toEqual([1, 2, 3, 4, 5])
  })

  it('the clarifier asks each clarifying question before an answer', () => {
    const moves = play('clarifier')
    expect(moves.slice(0, 6).map((m) => m.type)).toEqual([
      'clarify',
      'answer',
      'clarify',
      'answer',
      'clarify',
      'answer',
    ])
    expect(stepsOf(moves)).toEqual([1, 2, 3, 4, 5])
  })

  it('the weak and evasive candidates cover nothing and end on their own', () => {
    for (const kind of ['weak', 'evasive'] as const) {
      const moves = play(kind)
      expect(stepsOf(moves)).toEqual([])
      expect(moves.at(-1)).toEqual({ type: 'end' })
    }
  })

  // A candidate who covers ground quickly: several steps a reply, each labelled.
  it('with several steps a reply, goes on with its next unsaid steps in its own order', () => {
    const strong = play('strong', [null, 'step:4'], 2)
    const replies = strong.flatMap((m) => (m.type === 'answer' ? [m.covers] : []))
    expect(replies).toEqual([[1, 2], [4, 5], [3]])
    const first = strong[0] as { text: string }
    expect(first.text).toBe(`${script.steps[1]} ${script.steps[2]}`)
    const scrambled = play('out-of-order', [], 2).flatMap((m) =>
      m.type === 'answer' ? [m.covers] : [],
    )
    expect(scrambled).toEqual([[5, 1], [4, 2], [3]])
  })
})
