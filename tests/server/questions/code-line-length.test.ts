import { describe, expect, it } from 'vitest'
import { loadQuestionBank } from '../../../server/questions/question-bank.js'
import { fencedBlocks } from './markdown-code.js'

const MAX_CODE_LINE = 160

describe('committed code blocks', () => {
  it(`have no line longer than ${MAX_CODE_LINE} characters in any model answer`, async () => {
    const bank = await loadQuestionBank('questions')
    const tooLong = bank.questions.flatMap((q) =>
      fencedBlocks(q.modelAnswer).flatMap((b) =>
        b.content
          .split('\n')
          .filter((line) => line.length > MAX_CODE_LINE)
          .map((line) => `${q.number} ${q.id}: ${line.slice(0, 60)}... (${line.length})`),
      ),
    )
    expect(tooLong).toEqual([])
  })
})
