import { beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { gerund, lowerCaseWords, phrasePoint } from '../../../server/grading/point-phrase.js'
import { pointWording, questionPoints } from '../../../server/grading/missing-points.js'
import { loadQuestionBank, type QuestionBank } from '../../../server/questions/question-bank.js'
import { repoRoot } from './grading-support.js'

// Points read inside "you covered …" and "Not reached: …": a framework step's question is the
// indirect question it asks, an instruction is what doing it is called, and a first word
// capitalised only by its place is lowercased, never an acronym or a name.
const ordinary = lowerCaseWords(
  'is it backend or frontend? check the payload and identify parse time; use batching, test each ' +
    'layer; large payloads; clear thresholds; the cache; load; when does it become positive; customer',
)

describe('phrasePoint', () => {
  it.each([
    [
      'Is it backend (slow queries), network (large payloads), or frontend (slow rendering)',
      true,
      'whether it is backend (slow queries), network (large payloads) or frontend (slow rendering)',
    ],
    ['Can we handle 100 bookings/sec', false, 'whether we can handle 100 bookings/sec'],
    [
      'How will you measure if the choice was correct 6 months later',
      true,
      'how you will measure if the choice was correct 6 months later',
    ],
    ['When does rewrite ROI become positive', true, 'when rewrite ROI becomes positive'],
    ['How did we get to 40 services', true, 'how we got to 40 services'],
    ['Does our team have expertise', true, 'whether our team has expertise'],
    ['What’s the fallback if this fails', true, 'what the fallback is if this fails'],
    [
      'At what point does contention become a problem',
      true,
      'at what point contention becomes a problem',
    ],
    ['What triggers a pivot or refactor', true, 'what triggers a pivot or refactor'],
  ])('asks: %s', (point, asked, want) => expect(phrasePoint(point, ordinary, asked)).toBe(want))

  it.each([
    ['Identify JavaScript parse/compile time', 'identifying JavaScript parse/compile time'],
    ['Use DataLoader for batching', 'using DataLoader for batching'],
    ['Test each layer independently', 'testing each layer independently'],
    ['Confirm symptom, check recent deploys', 'confirming symptom, checking recent deploys'],
    ['Explicitly state all constraints', 'explicitly stating all constraints'],
    ['Spin up 5 more CDC consumers', 'spinning up 5 more CDC consumers'],
    ['Re-sync from source using CDC catchup', 're-syncing from source using CDC catchup'],
    // Words that are nouns too stay nouns before more of a compound.
    ['Cache stampede (all caches expire)', 'cache stampede (all caches expire)'],
    ['Load test with 2x production traffic', 'load test with 2x production traffic'],
    ['Clear success criteria before proceeding', 'clear success criteria before proceeding'],
    [
      'Identify exact failure mode (partial commit, retry logic issue)',
      'identifying exact failure mode (partial commit, retry logic issue)',
    ],
  ])('instructs: %s', (point, want) => expect(phrasePoint(point, ordinary)).toBe(want))

  it.each([
    ['Backend GraphQL tracing', 'backend GraphQL tracing'],
    ['Large GraphQL response payload (5MB+)', 'large GraphQL response payload (5MB+)'],
    ['Kill Switch & Customer Plan', 'Kill Switch & customer Plan'],
    // Names and acronyms keep their capitals: the question never writes them in lower case.
    ['Redis is the bottleneck', 'Redis is the bottleneck'],
    ['JavaScript bundle size', 'JavaScript bundle size'],
    ['N+1 queries hidden in resolver execution', 'N+1 queries hidden in resolver execution'],
    ['Do a canary release first', 'Do a canary release first'],
  ])('lowercases only ordinary words: %s', (point, want) =>
    expect(phrasePoint(point, ordinary)).toBe(want),
  )

  it('forms gerunds', () => {
    expect(
      ['use', 'run', 'tie', 'identify', 'split', 'commit', 'visit', 'see'].map(gerund),
    ).toEqual([
      'using',
      'running',
      'tying',
      'identifying',
      'splitting',
      'committing',
      'visiting',
      'seeing',
    ])
  })
})

describe('every point of the bank', () => {
  let bank: QuestionBank
  beforeAll(async () => {
    bank = await loadQuestionBank(join(repoRoot, 'questions'))
  })

  it('reads as a phrase: no inverted question, no instruction, no capital by position', () => {
    let points = 0
    for (const q of bank.questions) {
      const word = pointWording(q)
      for (const p of questionPoints(q)) {
        const shown = word(p)
        points++
        // An inverted question ("Is it…", "How will you…", "When does…") is no phrase.
        expect(shown, `${q.id}: ${p}`).not.toMatch(
          /^(?:is|are|was|were|do|does|did|can|could|will|would|should)\s+(?:it|we|you|they|there|our|the)\b/i,
        )
        expect(shown, `${q.id}: ${p}`).not.toMatch(
          /^(?:at )?(?:what|how|when|where|why|which)(?: \w+)? (?:is|are|do|does|did|will|would|can|should)\s+(?:it|we|you|they|this|our|the)\b/i,
        )
        // Instructions read as what doing them is called.
        expect(shown, `${q.id}: ${p}`).not.toMatch(
          /^(?:Identify|Use|Check|Test|Confirm|Verify|Ensure|Define|Establish|Quantify|Add|Extract|Implement|Remove|Keep|Migrate)\b/,
        )
      }
    }
    expect(points).toBeGreaterThan(500)
  })
})
