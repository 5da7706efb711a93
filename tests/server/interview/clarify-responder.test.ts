import { beforeAll, describe, expect, it } from 'vitest'
import { findScenarioFacts } from '../../../server/interview/clarify-responder.js'
import {
  useScenarioAcronyms,
  useSentenceSynonyms,
} from '../../../server/interview/clarify-wording.js'
import { loadQuestionBank } from '../../../server/questions/question-bank.js'
import type { Question } from '../../../server/questions/question-schema.js'
import { createTextAnalyzer } from '../../../server/text/index.js'

const analyzer = createTextAnalyzer()
let byId: (id: string) => Question
beforeAll(async () => {
  const bank = await loadQuestionBank('questions')
  byId = (id) => bank.get(id)!
})
const facts = (id: string, asked: string) => findScenarioFacts(byId(id), asked, analyzer).join(' ')

describe('findScenarioFacts', () => {
  it('finds a fact the scenario gives as an acronym of the words asked', () => {
    expect(
      facts('the-zero-downtime-migration', 'Which recovery time objective must we meet?'),
    ).toMatch(/RTO/)
    expect(facts('the-tech-stack-tco-analysis', 'How many daily active users are there?')).toMatch(
      /DAU/,
    )
  })

  it('finds a fact worded with a synonym of the question', () => {
    expect(facts('the-cache-invalidation-crisis', 'How fresh must the data be?')).toMatch(
      /freshness within 30 seconds/,
    )
  })

  it('says nothing when the thing asked for is not named, even if other words are', () => {
    expect(facts('the-cache-invalidation-crisis', 'What Redis version do we run?')).toBe('')
    expect(facts('the-feature-flag-recovery', 'Which flag vendor are we using?')).toBe('')
  })

  it('says nothing when neither alternative is named, however many words they take', () => {
    expect(
      facts(
        'the-payment-race-condition',
        'Is Stripe called inside the request or in a background job?',
      ),
    ).toBe('')
    // One of them named: answered.
    expect(
      facts('the-architectural-time-bomb', 'Is it for 50 million users or for 5 million?'),
    ).toMatch(/50 million users/)
  })
})

describe('clarify wording', () => {
  it('replaces spelled-out words by the acronym, never a run of little words', () => {
    expect(useScenarioAcronyms('What is the recovery time objective?', 'RTO < 15 sec')).toBe(
      'What is the RTO?',
    )
    expect(useScenarioAcronyms('What is the cost of the rewrite?', 'The TCO over 5 years')).toBe(
      'What is the cost of the rewrite?',
    )
    expect(useScenarioAcronyms('Is downtime ok?', 'User ID and DB')).toBe('Is downtime ok?')
  })

  it('uses the sentence word for a synonym the question used', () => {
    expect(useSentenceSynonyms('How stale can it be?', 'freshness within 30 s')).toBe(
      'How freshness can it be?',
    )
    expect(useSentenceSynonyms('How stale can it be?', 'no such word')).toBe('How stale can it be?')
  })
})
