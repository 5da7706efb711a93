import { describe, expect, it } from 'vitest'
import { copiedSpanFinder } from './fixtures/copied-spans.js'
import { CODE_MODEL_ANSWER, runGuards } from './fixtures/run-guards.js'
import { prng, randomSplit } from './fixtures/leaky-text.js'

/**
 * After a dropped copy, a fence is either the copy's block closing (debris, dropped) or the
 * opening of a code block of the interviewer's own (kept). The guard judged it by counting fences,
 * and the count went wrong when the copy's frame had a fence the candidate never saw: a fence
 * released and then cut with the frame (keptBeforeDrop), or a fence inside the dropped copy. Its
 * own block then lost its opening fence ("```ts" dropped, the code shown as prose above a stray
 * fence). A fence with an info string only ever opens a block (a closing fence has none), and a
 * bare fence closes the copy's block only when one is open where the copy stopped: in the model's
 * text, or in the model answer at the copy's last word.
 */

const MODEL_ANSWER = CODE_MODEL_ANSWER

const LIST =
  '- No invalidation messages: Just increment version counter\n- Old caches naturally expire after the sixty second time to live in every region\n'
const BLOCK_START =
  'Solution 2: Versioned Keys (No Invalidation Needed)\n\n```javascript\n// Instead of invalidating, create new versions\nclass VersionedCache {\n  async get(key) {\n'
const BLOCK_END =
  '    const version = await this.redis.get(`version:${key}`);\n    return this.localCache.get(`${key}:v${version}`);\n  }\n}\n```\n'

const run = (chunks: readonly string[]) => runGuards(chunks, MODEL_ANSWER)

const fenceLines = (text: string) => text.split('\n').filter((l) => /^\s*(```|~~~)/.test(l))

/** Streams `reply` under random splits: the copies go, `own` (the interviewer's block) stays. */
function expectKept(reply: string, own: string, leaks = 1) {
  const copied = copiedSpanFinder(MODEL_ANSWER)
  for (let seed = 1; seed <= 60; seed++) {
    const { text, states, leaks: caught, core } = run(randomSplit(prng(seed), reply))
    const where = `seed ${seed}: ${JSON.stringify(text)}`
    expect(caught, where).toBe(leaks)
    // `own` starts with a line break: its block starts a line, maybe the turn's first.
    expect(`\n${text}`, where).toContain(own)
    expect(fenceLines(text).length % 2, where).toBe(0)
    expect(text, where).toBe(core)
    for (const state of states) expect(copied(state), where).toEqual([])
  }
}

describe('leak guard: fences after a copy whose frame was cut', () => {
  it('keeps the info-string fence opening a block of its own after a copy it fenced itself', () => {
    // "```" was released, then cut with the copy (the frame): the count said a block was open.
    expectKept(
      `Right.\n\`\`\`\n${LIST}\`\`\`ts\nlet v = 1\n\`\`\`\nWhere?`,
      '\n```ts\nlet v = 1\n```\nWhere?',
    )
  })

  it('keeps a bare fence opening a block of its own after a second copy', () => {
    // The first copy's fence was cut and its block never closed: a count left odd for the turn.
    const reply = `Right.\n\`\`\`\n${LIST}\nWhat now?\n\`\`\`ts\nlet v = 1\n\`\`\`\nOk.\n${LIST}\`\`\`\nlet w = 2\n\`\`\`\nWhere?`
    expectKept(reply, '\n```\nlet w = 2\n```\nWhere?', 2)
  })

  it('still drops the bare fence closing the block it opened around the copy', () => {
    const copied = copiedSpanFinder(MODEL_ANSWER)
    for (let seed = 1; seed <= 40; seed++) {
      const reply = `Right.\n\`\`\`\n${LIST}\`\`\`\nWhere?`
      const { text, states } = run(randomSplit(prng(seed), reply))
      expect(fenceLines(text), JSON.stringify(text)).toEqual([])
      expect(text).toMatch(/(^|\n)Where\?$/)
      for (const state of states) expect(copied(state)).toEqual([])
    }
  })
})

describe('leak guard: fences after a copy with a fence inside it', () => {
  it('keeps the info-string fence after a copy that opened a block and stopped inside it', () => {
    expectKept(
      `${BLOCK_START}\`\`\`ts\nlet v = 1\n\`\`\`\nWhere?`,
      '\n```ts\nlet v = 1\n```\nWhere?',
    )
  })

  it('keeps a bare fence after a copy of a whole block and the list after it', () => {
    // The copy's block closed inside the copy, and the copy stopped outside any block of the
    // model answer: the fence opens a block of the interviewer's own.
    const reply = `${BLOCK_START}${BLOCK_END}\nWhy this works:\n${LIST}\n\`\`\`\nlet v = 1\n\`\`\`\nWhere?`
    expectKept(reply, '\n```\nlet v = 1\n```\nWhere?')
  })

  it('keeps a bare fence after a copied list, with no block open anywhere', () => {
    expectKept(`${LIST}\`\`\`\nlet v = 1\n\`\`\`\nWhere?`, '\n```\nlet v = 1\n```\nWhere?')
  })

  it('starts the block of its own on a line of its own when the copy ended mid-line', () => {
    // The copy's sentence ends at "region. ", the dropped "}" line after it: the fence that
    // follows must still begin a line, after the probe or (a second copy) after the kept text.
    const own = '```ts\nlet v = 1\n```\nWhere?'
    const inline =
      'No invalidation messages: Just increment version counter - Old caches naturally expire after the sixty second time to live in every region.'
    expectKept(`${inline} }\n${own}`, `\n${own}`)
    expectKept(`${LIST}\nOk. ${inline} }\n${own}`, `Ok. \n${own}`, 2)
  })

  it('drops the bare fence closing a copy begun inside the block (no opening fence seen)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const reply = `  async get(key) {\n${BLOCK_END}\nWhere?\n\`\`\`\nlet v = 1\n\`\`\`\n`
      const { text } = run(randomSplit(prng(seed), reply))
      expect(text, JSON.stringify(text)).toMatch(/(^|\n)Where\?\n```\nlet v = 1\n```\n$/)
      expect(fenceLines(text).length).toBe(2)
    }
  })
})

describe('leak guard: code blocks of its own after copies (property)', () => {
  const WORDS = ['cache', 'key', 'retry', 'order', 'lock', 'queue', 'the', 'of', 'replica', 'lag']

  it('keeps its own block whole after a copy of prose or code, and never leaks', () => {
    let checked = 0
    for (let seed = 1; seed <= 150; seed++) {
      const rng = prng(seed)
      // A model answer of prose lines and fenced code blocks.
      const lines: string[] = []
      for (let b = 0; b < 4; b++) {
        for (let l = 0; l < 3; l++)
          lines.push(Array.from({ length: 6 + rng.int(8) }, () => rng.pick(WORDS)).join(' '))
        lines.push(rng.chance(0.5) ? '```js' : '```')
        for (let l = 0; l < 3; l++)
          lines.push(
            `  ${Array.from({ length: 5 + rng.int(5) }, () => rng.pick(WORDS)).join('.')}();`,
          )
        lines.push('```')
      }
      const modelAnswer = lines.join('\n')
      const from = rng.int(lines.length - 6)
      const to = from + 4 + rng.int(3)
      const copy = lines.slice(from, to).join('\n')
      // Fences open where the copy stops (in the model answer, or in the copy itself).
      const open = [lines.slice(0, to), lines.slice(from, to)].some(
        (ls) => ls.filter((l) => l.startsWith('```')).length % 2 === 1,
      )
      const own = rng.chance(0.5) || open ? '```ts\nconst ttl = 60\n```\n' : '```\nretry(3)\n```\n'
      const reply = `${rng.chance(0.5) ? 'Right.\n' : ''}${copy}\n${own}Where would it break?`
      const copied = copiedSpanFinder(modelAnswer)
      for (let split = 1; split <= 3; split++) {
        const chunks = randomSplit(prng(seed * 10 + split), reply)
        const { text, states, leaks, core } = runGuards(chunks, modelAnswer)
        for (const state of states) expect(copied(state), `seed ${seed}`).toEqual([])
        const where = `seed ${seed}: ${JSON.stringify(reply)} -> ${JSON.stringify(text)}`
        if (leaks === 0) continue
        expect(text, where).toBe(core)
        expect(`\n${text}`, where).toContain(`\n${own}Where would it break?`)
        expect(fenceLines(text).length % 2, where).toBe(0)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(300)
  })
})
