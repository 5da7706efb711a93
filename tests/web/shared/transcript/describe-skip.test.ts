import { describe, expect, it } from 'vitest'
import { describeSkip } from '../../../../web/src/shared/transcript/describe-skip.js'
import { makeTurn } from '../../support/fixtures.js'

const question = makeTurn({ id: 'i1', seq: 1, kind: 'question' })
const skip = (seq: number) => makeTurn({ id: `s${seq}`, seq, role: 'candidate', kind: 'skip' })

describe('describeSkip', () => {
  it('names the opening question when that is what was skipped', () => {
    const s = skip(2)
    expect(describeSkip([question, s], s)).toBe('Skipped the opening question.')
  })

  it('names a follow-up, and the question again after a clarification', () => {
    const followUp = makeTurn({ id: 'i3', seq: 3, kind: 'follow-up' })
    const clarification = makeTurn({ id: 'i3', seq: 3, kind: 'clarification' })
    const s = skip(4)
    expect(describeSkip([question, skip(2), followUp, s], s)).toBe('Skipped this follow-up.')
    expect(describeSkip([question, clarification, s], s)).toBe('Skipped the question.')
  })
})
