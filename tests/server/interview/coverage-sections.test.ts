import { describe, expect, it } from 'vitest'
import { stepSections } from '../../../server/interview/coverage-sections.js'
import { createTextAnalyzer } from '../../../server/text/index.js'
import { loadTimeBombQuestion } from './fixtures/load-question.js'

const analyzer = createTextAnalyzer()
const base = loadTimeBombQuestion()
const question = {
  ...base,
  framework: {
    ...base.framework,
    steps: [
      { number: 1, name: 'Situation', description: 'Context, constraints, stakes' },
      { number: 2, name: 'Impact', description: 'Quantified consequences' },
      { number: 3, name: 'Kill Switch', description: 'Instant rollback mechanism' },
    ],
  },
  modelAnswer: [
    'Situation: we were a team of 15 rebuilding the front end under a deadline.',
    '',
    'Impact (quantified):',
    '',
    '- Feature velocity: 40% slower for 6 months',
    '- Hiring took three times as long as planned',
    '',
    'Kill switch',
    '',
    '```js',
    '// Emergency switch overrides every other setting',
    'if (flags.killed) return false',
    '```',
  ].join('\n'),
}

describe('stepSections', () => {
  const sections = stepSections(question, analyzer)

  it('gives a heading or label the lines under it, whatever their words', () => {
    expect(sections[0]).toEqual([
      'Situation: we were a team of 15 rebuilding the front end under a deadline.',
    ])
    expect(sections[1]).toEqual([
      'Feature velocity: 40% slower for 6 months',
      'Hiring took three times as long as planned',
    ])
  })

  it('reads the comments of code, not the code', () => {
    expect(sections[2]).toContain('Emergency switch overrides every other setting')
    expect(sections[2]!.join(' ')).not.toContain('flags.killed')
  })

  it('leaves out headings that end in a colon', () => {
    expect(sections.flat()).not.toContain('Impact (quantified):')
  })
})
