import { readFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadQuestionBank, type QuestionBank } from '../../../server/questions/question-bank.js'
import type { Question } from '../../../server/questions/question-schema.js'
import { importSeedDocument } from '../../../server/questions/seed-importer.js'
import { codeTokens, fencedBlocks, maskCode } from './markdown-code.js'

const SEED = '../shared/seed/interview-questions.txt'

let bank: QuestionBank
let imported: Question[]

beforeAll(async () => {
  bank = await loadQuestionBank('questions')
  const result = importSeedDocument(await readFile(SEED, 'utf8'))
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  imported = result.questions
})

const masked = (q: Question) => ({ ...q, scenario: maskCode(q.scenario), modelAnswer: maskCode(q.modelAnswer) })

describe('importing the seed again', () => {
  it('reproduces every structured field of the committed files (code-block contents masked)', () => {
    expect(imported.map(masked)).toEqual(bank.questions.map(masked))
  })

  it('finds the same code blocks, with the same language tags', () => {
    for (const [i, q] of bank.questions.entries()) {
      const fresh = imported[i]!
      for (const field of ['scenario', 'modelAnswer'] as const) {
        expect(fencedBlocks(q[field]).map((b) => b.language), `${q.id} ${field}`).toEqual(
          fencedBlocks(fresh[field]).map((b) => b.language),
        )
      }
    }
  })

  it('leaves every committed code block with the seed tokens in the seed order (only whitespace changed)', () => {
    for (const [i, q] of bank.questions.entries()) {
      for (const field of ['scenario', 'modelAnswer'] as const) {
        const committed = fencedBlocks(q[field]).map((b) => codeTokens(b.content))
        const seed = fencedBlocks(imported[i]![field]).map((b) => codeTokens(b.content))
        expect(committed, `${q.id} ${field}`).toEqual(seed)
      }
    }
  })
})
