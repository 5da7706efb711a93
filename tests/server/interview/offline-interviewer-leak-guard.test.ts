import { describe, expect, it } from 'vitest'
import type { Question } from '../../../server/questions/question-schema.js'
import { createEngineHarness } from './fixtures/interview-context.js'
import { loadTimeBombQuestion } from './fixtures/load-question.js'
import { copiedSpans } from './fixtures/copied-spans.js'

const question = loadTimeBombQuestion()
const ANSWERS = [
  'I would pick the monolith first because the team is small. I assume about 10k notifications per second at peak and a team of five engineers.',
  'Hidden costs: the operational overhead of running microservices, the hiring constraints of a rare stack, and the cognitive load on a small team.',
]

/** The offline engine's turns for one fixed session: the opening and a follow-up per answer. */
async function play(variant: Question) {
  const h = createEngineHarness(variant, { id: 'leak-guard-session' })
  const turns = [await h.run({ type: 'opening' })]
  for (const text of ANSWERS) {
    const turn = h.add('candidate', 'answer', text)
    turns.push(await h.run({ type: 'answer', turn }))
  }
  return turns.map((t) => ({ text: t.turn.text, leaks: t.meta.leaksCaught }))
}

describe('the offline interviewer behind the leak guard', () => {
  // The offline engine composes from the scenario, templates and the candidate's words, so it
  // should never copy the model answer; the guard is what makes that a guarantee. A model answer
  // that contains, word for word, what the engine is about to say proves the guard runs on its
  // turns and is built from this question's model answer (an empty one would let all through).
  it('drops every span of the model answer from offline turns', async () => {
    const plain = await play(question)
    expect(plain.every((t) => t.leaks === 0)).toBe(true)
    const echoing = {
      ...question,
      modelAnswer: `${question.modelAnswer}\n\n${plain.map((t) => t.text).join('\n\n')}`,
    }
    const guarded = await play(echoing)
    expect(guarded).toHaveLength(plain.length)
    plain.forEach((before, i) => {
      // The unguarded text would copy the model answer: the case is real, not vacuous.
      expect(copiedSpans(before.text, echoing.modelAnswer).length).toBeGreaterThan(0)
      expect(copiedSpans(guarded[i]!.text, echoing.modelAnswer)).toEqual([])
      expect(guarded[i]!.leaks).toBeGreaterThan(0)
    })
  })
})
