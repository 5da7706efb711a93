import { describe, expect, it } from 'vitest'
import {
  fenceCode,
  findCodeRuns,
  isCodeLine,
  sectionToMarkdown,
} from '../../../server/questions/code-block-detection.js'
import { guessCodeLanguage } from '../../../server/questions/code-language.js'
import { toSourceLines } from '../../../server/questions/source-line.js'

const md = (text: string) => sectionToMarkdown(toSourceLines(text))

describe('code detection', () => {
  it('fences a flush line followed by indented lines as one block, verbatim', () => {
    const text = [
      'Your query is slow:',
      '',
      "// Local: 5ms | Production: 2000msdb.collection('users').findOne(",
      '      { userId: uuid },  { lean: true }',
      '    )',
      '',
      'Why?',
    ].join('\n')
    expect(md(text)).toBe(
      [
        'Your query is slow:',
        '',
        '```javascript',
        "// Local: 5ms | Production: 2000msdb.collection('users').findOne(",
        '      { userId: uuid },  { lean: true }',
        '    )',
        '```',
        '',
        'Why?',
      ].join('\n'),
    )
  })

  it('fences a single flush line of collapsed code', () => {
    const line = "# Add eager loading@user.orders.includes(:items).each { |order| ... }"
    expect(md(`Fix:\n\n${line}\n\nDone.`)).toBe(`Fix:\n\n\`\`\`ruby\n${line}\n\`\`\`\n\nDone.`)
  })

  it('fences a "#" comment glued to Ruby code, which would otherwise render as a heading', () => {
    const line =
      '# Execute steps, compensate on failureSagaOrchestrator.execute do  step :debit_account, compensate: :credit_account'
    expect(isCodeLine(line)).toBe(true)
    expect(md(line)).toBe(`\`\`\`ruby\n${line}\n\`\`\``)
  })

  it('keeps prose that merely mentions code, lists and "#1:" lines as prose', () => {
    for (const prose of [
      "#2: Stale query planner cache. Fix: db.collection('users').getPlanCache().clear() or restart MongoDB.",
      'Pros: Simple, well-understood, atomic consistency guaranteed',
      '  1. How you’d validate your choice is correct before implementation',
      '- Stripe idempotency keys prevent double-charging even if we retry',
      'Decision: Rollback (safest, fastest)',
    ]) {
      expect(isCodeLine(prose), prose).toBe(false)
      expect(md(prose)).toBe(prose.trim())
    }
  })

  it('dedents prose, so an indented list is not rendered as a Markdown code block', () => {
    expect(md('Walk me through:\n\n  1. Validation\n  1. Signals')).toBe(
      'Walk me through:\n\n1. Validation\n1. Signals',
    )
  })

  it('keeps whitespace-only lines inside a block and ends it at an empty line', () => {
    const runs = findCodeRuns(toSourceLines('Subject: Hi\n    \n    Hello,\n\nAfter'))
    expect(runs.map((r) => r.lines.map((l) => l.n))).toEqual([[1, 2, 3]])
  })

  it('puts a separating blank line around a block that touches prose', () => {
    expect(md('Intro\nconst a = 1;\nOutro')).toBe('Intro\n\n```javascript\nconst a = 1;\n```\n\nOutro')
  })

  it('uses a longer fence when the code itself contains ```', () => {
    expect(fenceCode('# Doc\n    ```js\n    x()', 'markdown')).toBe('````markdown\n# Doc\n    ```js\n    x()\n````')
  })
})

describe('guessCodeLanguage', () => {
  it.each([
    ["// Check read preference settingdb.getMongo().getReadPref()", 'javascript'],
    ['# Test network quality to MongoDB hostping -c 100 mongodb.prod.internal', 'bash'],
    ['ActiveRecord::Base.transaction do  account.update!(balance: 1)\n    end', 'ruby'],
    ['# Instrument with metricsdef book_service(user, service, amount)\n      result\n    end', 'ruby'],
    ['-- Understand current schemaSELECT\n      table_name', 'sql'],
    ['{\n      user(id: $userId) {\n        id', 'graphql'],
    ['# Export\n    import psycopg2\n    def transform_order(order_row, items):    return 1', 'python'],
    ['# Refresh Token Best PracticesTo prevent race conditions:\n    ```javascript// x', 'markdown'],
    ['Subject: Early Access\n    Hi {name},', 'text'],
    ['Subject: Rollout complete\n    We will return to normal traffic;\n    Thanks', 'text'],
    ['const x = await load();', 'javascript'],
  ])('%s -> %s', (code, language) => {
    expect(guessCodeLanguage(code)).toBe(language)
  })
})
