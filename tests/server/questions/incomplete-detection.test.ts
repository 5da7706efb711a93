import { describe, expect, it } from 'vitest'
import {
  detectIncomplete,
  findRunTogetherIdentifiers,
  MIN_ANSWER_WORDS,
} from '../../../server/questions/incomplete-detection.js'
import type { Question } from '../../../server/questions/question-schema.js'

const base: Omit<Question, 'incomplete'> = {
  id: 'q',
  number: 1,
  title: 'Q',
  difficulty: 'High',
  role: 'r',
  level: 'l',
  companies: [],
  prompt: 'p',
  scenario: 'A scenario.',
  requirements: [],
  competencies: [{ name: 'c', description: 'd' }],
  framework: { name: 'F', steps: [{ number: 1, name: 's', description: '' }], keyPrinciples: [] },
  modelAnswer: 'word '.repeat(MIN_ANSWER_WORDS),
  statedScore: { value: 9, scale: 10 },
  rubric: [{ name: 'n', description: 'd', weight: 1 }],
}

describe('detectIncomplete', () => {
  it('flags nothing in a whole question', () => {
    expect(detectIncomplete(base)).toEqual([])
  })

  it('flags a missing or stub model answer without writing one', () => {
    expect(detectIncomplete({ ...base, modelAnswer: '' })).toEqual([
      { part: 'modelAnswer', note: 'The source gives no model answer.' },
    ])
    expect(detectIncomplete({ ...base, modelAnswer: 'First, I would' })[0]).toMatchObject({
      part: 'modelAnswer',
      note: expect.stringContaining('only 3 words'),
    })
  })

  it('flags a framework without a name', () => {
    expect(detectIncomplete({ ...base, framework: { ...base.framework, name: '' } })).toEqual([
      { part: 'frameworkName', note: expect.stringContaining('names no framework') },
    ])
  })

  it('flags identifiers of the answer run together in the scenario', () => {
    const answer = 'Rename:\n\n```\n- `name` → `full_name`\n- `email` → `primary_email`\n```'
    expect(findRunTogetherIdentifiers('Changing: namefull_name, emailprimary_email.', answer)).toEqual([
      ['namefull_name', 'name', 'full_name'],
      ['emailprimary_email', 'email', 'primary_email'],
    ])
    expect(findRunTogetherIdentifiers('Uses full_name and primary_email.', answer)).toEqual([])
  })
})
