import { describe, expect, it } from 'vitest'
import {
  FOLLOW_UP_TEMPLATES,
  GENERIC_TEMPLATES,
  templateText,
  WRAP_UP_QUESTIONS,
} from '../../../server/interview/follow-up-templates.js'
import { isNearRepeat, labelStems } from '../../../server/interview/question-similarity.js'
import { STEP_KINDS } from '../../../server/interview/step-kinds.js'

describe('isNearRepeat', () => {
  it('catches a reworded copy, not a different question', () => {
    const asked = ['If that check comes back clean, what is your next suspect?']
    expect(
      isNearRepeat('If the check comes back clean, what would your next suspect be?', asked),
    ).toBe(true)
    expect(isNearRepeat('What evidence would confirm that?', asked)).toBe(false)
  })

  it('ignores the step names a template fills in', () => {
    const ignore = labelStems(['Phase 4: Dual Writes', 'Phase 5: Cutover'])
    const asked = [
      "Let's talk about phase 4: dual writes: what has to be true before you move to the next stage?",
    ]
    const same =
      "Let's talk about phase 5: cutover: what has to be true before you move to the next stage?"
    expect(isNearRepeat(same, asked, ignore)).toBe(true)
    const other =
      "Let's talk about phase 5: cutover: what exactly changes, and what guarantees do you rely on?"
    expect(isNearRepeat(other, asked, ignore)).toBe(false)
  })

  it('keeps every template of a kind distinct from the others, so none blocks another', () => {
    for (const kind of STEP_KINDS) {
      const t = FOLLOW_UP_TEMPLATES[kind]
      const texts = [...t.open, ...t.deeper].map(templateText).concat(GENERIC_TEMPLATES)
      const questions = texts.map((x) =>
        x.replace(/^You said "\{quote\}"\.\s*|^Take "\{quote\}"\.\s*/, ''),
      )
      questions.forEach((q, i) => {
        const others = questions.filter((_, j) => j !== i)
        expect(isNearRepeat(q, others, labelStems(['step'])), `${kind}: ${q}`).toBe(false)
      })
    }
  })

  it('keeps the wrap-up questions distinct from each other and from every template', () => {
    // A wrap-up close to a template already asked would count as asked, and the interviewer would
    // press on a covered step sooner.
    const templates = Object.values(FOLLOW_UP_TEMPLATES)
      .flatMap((t) => [...t.open, ...t.deeper].map(templateText))
      .concat(GENERIC_TEMPLATES)
      .map((x) => x.replace(/^You said "\{quote\}"\.\s*|^Take "\{quote\}"\.\s*/, ''))
    WRAP_UP_QUESTIONS.forEach((q, i) => {
      const others = [...WRAP_UP_QUESTIONS.filter((_, j) => j !== i), ...templates]
      expect(isNearRepeat(q, others, labelStems(['step'])), q).toBe(false)
    })
  })
})
