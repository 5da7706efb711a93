import { describe, expect, it } from 'vitest'
import { composeProbe } from '../../../server/interview/follow-up-composer.js'

/** The open root-cause questions asked over many sessions, after `answers`. */
function openQuestions(answers: string): Set<string> {
  const asked = new Set<string>()
  for (let i = 0; i < 60; i++) {
    const probe = composeProbe({
      kind: 'root-cause',
      label: 'Tool Application',
      coverage: null,
      memory: { questions: [], quotes: new Set() },
      labelStems: new Set(),
      answers,
      seed: `session-${i}`,
    })
    asked.add(probe.question)
  }
  return asked
}

describe('composeProbe, questions the answers already answered', () => {
  const narrow = 'How do you narrow this down to one layer?'

  it('asks which layer only of a candidate who has not split the problem by layer', () => {
    expect(openQuestions('It is slow. I would look at the logs.')).toContain(narrow)
    for (const answers of [
      'The 200 ms is measured at the server; it says nothing about what happens in the browser.',
      'First I would find out which layer owns the missing seconds.',
      'The network waterfall shows the client waiting on the backend.',
    ]) {
      expect(openQuestions(answers), answers).not.toContain(narrow)
    }
  })
})
