import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { loadQuestionBank } from '../../../server/questions/question-bank.js'
import {
  parseQuestionFile,
  QuestionFileError,
  serializeQuestionFile,
} from '../../../server/questions/question-file.js'
import { questionFileName } from '../../../server/questions/question-file-writer.js'

describe('question file codec', () => {
  it('round-trips every committed question: serialize, then parse, is deep-equal', async () => {
    const bank = await loadQuestionBank('questions')
    for (const question of bank.questions) {
      const text = serializeQuestionFile(question)
      expect(parseQuestionFile(text, 'x.md')).toEqual(question)
    }
  })

  it('writes the committed files byte for byte from their parsed form', async () => {
    const bank = await loadQuestionBank('questions')
    for (const question of bank.questions) {
      const onDisk = await readFile(`questions/${questionFileName(question)}`, 'utf8')
      expect(serializeQuestionFile(question)).toBe(onDisk)
    }
  })

  it('rejects a file without front matter or with an invalid field, naming the problem', async () => {
    expect(() => parseQuestionFile('no front matter', 'a.md')).toThrow(QuestionFileError)
    const bank = await loadQuestionBank('questions')
    const text = serializeQuestionFile(bank.questions[0]!).replace('difficulty: Very High', 'difficulty: Extreme')
    expect(() => parseQuestionFile(text, 'b.md')).toThrow(/difficulty/)
  })
})
