import { expect, it } from 'vitest'
import type { OfflineGrader } from '../../../server/grading/offline-grader.js'
import { warmOfflineGrader } from '../../../server/grading/warm-offline-grader.js'
import { makeSampleQuestion } from '../../support/sample-question.js'

it("grades each question's model answer once, as a one-turn transcript", () => {
  const questions = [makeSampleQuestion(), { ...makeSampleQuestion(), id: 'second' }]
  const seen: string[] = []
  const grader = {
    grade(question, transcript) {
      seen.push(`${question.id}: ${transcript.turns.map((t) => `${t.role} ${t.text}`).join('|')}`)
      return {} as ReturnType<OfflineGrader['grade']>
    },
  } satisfies OfflineGrader
  warmOfflineGrader(grader, questions)
  expect(seen).toEqual(questions.map((q) => `${q.id}: candidate ${q.modelAnswer}`))
})
