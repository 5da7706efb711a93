import { beforeAll, describe, expect, it } from 'vitest'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { OfflineGrader } from '../../../server/grading/offline-grader.js'
import type { QuestionBank } from '../../../server/questions/question-bank.js'
import { quotesNotVerbatim, repoRoot, setUpGrader } from './grading-support.js'

let bank: QuestionBank
let grader: OfflineGrader

beforeAll(async () => {
  ;({ bank, grader } = await setUpGrader())
})

const files = readdirSync(join(repoRoot, 'questions')).filter((f) => f.endsWith('.md'))

describe('calibration: each model answer, graded as a one-turn transcript, earns its stated score', () => {
  it('the bank is not empty', () => {
    expect(bank.questions.length).toBe(files.length)
    expect(files.length).toBeGreaterThan(0)
  })

  it.each(files)('%s', (file) => {
    const question = bank.questions.find((q) => file.includes(q.id))
    expect(question).toBeDefined()
    if (!question || question.incomplete.some((flag) => flag.part === 'modelAnswer')) return
    const transcript = {
      questionId: question.id,
      turns: [{ id: 'c1', role: 'candidate' as const, text: question.modelAnswer }],
    }
    const grade = grader.grade(question, transcript)
    const stated = (question.statedScore.value / question.statedScore.scale) * 10
    expect(Math.abs(grade.overall - stated)).toBeLessThanOrEqual(1)
    expect(quotesNotVerbatim(grade, transcript)).toEqual([])
  })
})
