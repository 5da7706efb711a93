import { describe, expect, it } from 'vitest'
import { NEUTRAL_PROBE } from '../../../server/interview/leak-guard.js'
import { copiedSpanFinder } from './fixtures/copied-spans.js'
import { CODE_MODEL_ANSWER, runGuards } from './fixtures/run-guards.js'
import { prng, randomSplit } from './fixtures/leaky-text.js'

const MODEL_ANSWER = CODE_MODEL_ANSWER

/** Markup a filter left behind: an odd fence, a wordless line outside code, a lead-in to nothing. */
function debris(text: string): string[] {
  const found: string[] = []
  const lines = text.split('\n')
  if (lines.filter((l) => /^\s*```/.test(l)).length % 2 === 1) found.push('unbalanced fence')
  let inFence = false
  lines.forEach((line, i) => {
    if (/^\s*```/.test(line)) inFence = !inFence
    else if (!inFence && line.trim() && !/[\p{L}\p{N}]/u.test(line)) found.push(`line "${line}"`)
    else if (!inFence && /:\s*$/.test(line) && !lines.slice(i + 1).some((l) => l.trim())) {
      found.push(`lead-in "${line}"`)
    }
  })
  return found
}

const run = (chunks: readonly string[]) => runGuards(chunks, MODEL_ANSWER)

/** Replies that copy the code block (or the list after it) inside their own markup. */
const LEAKING = [
  'Thanks. Here is the idea:\n```javascript\nclass VersionedCache {\n  async get(key) {\n    const version = await this.redis.get(`version:${key}`);\n    return this.localCache.get(`${key}:v${version}`);\n  }\n}\n```\nWhat would you change first?',
  '  }\n}\n```\n\nWhy this works:\n- No invalidation messages: Just increment version counter\n- Old caches naturally expire after the sixty second time to live in every region\n\nThanks. How would you roll it out?',
  // Begun inside the block: its closing fence comes with no opening one.
  '  async get(key) {\n    const version = await this.redis.get(`version:${key}`);\n    return this.localCache.get(`${key}:v${version}`);\n  }\n}\n```\n\nHow would you roll it out?',
  'Consider this:\n\n- No invalidation messages: Just increment version counter\n- Old caches naturally expire after the sixty second time to live in every region\n-\n\nHow would you know it works?',
]

describe('leak guard: no markup left around a dropped copy', () => {
  it('drops the copy with its fence, braces and lead-in, however the deltas split it', () => {
    const copied = copiedSpanFinder(MODEL_ANSWER)
    for (const [n, reply] of LEAKING.entries()) {
      for (let seed = 1; seed <= 60; seed++) {
        const chunks = randomSplit(prng(seed * 10 + n), reply)
        const { text, states, early, core } = run(chunks)
        const where = `reply ${n}, seed ${seed}: ${JSON.stringify(text)}`
        expect(early.leaks, where).toBeGreaterThan(0)
        expect(debris(text), where).toEqual([])
        // The model's question survives: no probe as well (one ask a turn).
        expect(text, where).not.toContain(NEUTRAL_PROBE)
        expect(text, where).toMatch(/\?$/)
        // The streamed text ends as the stored turn: the core guard's text with its cuts out.
        expect(text, where).toBe(core)
        for (const state of states) expect(copied(state), where).toEqual([])
      }
    }
  })

  it('drops the closing fence a question follows on its line, keeping the question', () => {
    const copied = copiedSpanFinder(MODEL_ANSWER)
    const block = [
      '    const version = await this.redis.get(`version:${key}`);',
      '    return this.localCache.get(`${key}:v${version}`);',
      '  }',
      '}',
      '```',
    ].join('\n')
    const replies = [
      // With its opening fence: the fence closes a block the guard saw open.
      `Right.\n\`\`\`javascript\nclass VersionedCache {\n  async get(key) {\n${block} What would you check first?`,
      // Begun inside the block: a fence with no opening one.
      `  async get(key) {\n${block} What would you check first?`,
      `Right.\n${block}   What would you check first?\nAnd why?`,
    ]
    for (const [n, reply] of replies.entries()) {
      for (let seed = 1; seed <= 80; seed++) {
        const chunks = randomSplit(prng(seed * 10 + n), reply)
        const { text, states, early, core } = run(chunks)
        const where = `reply ${n}, seed ${seed}: ${JSON.stringify(text)}`
        expect(early.leaks, where).toBeGreaterThan(0)
        expect(debris(text), where).toEqual([])
        expect(text, where).not.toContain('```')
        expect(text, where).toMatch(/(^|\n)What would you check first\?/)
        expect(text, where).toBe(core)
        for (const state of states) expect(copied(state), where).toEqual([])
      }
    }
  })

  it('keeps a code block of its own that opens right after a dropped copy', () => {
    const copy =
      '- No invalidation messages: Just increment version counter\n- Old caches naturally expire after the sixty second time to live in every region\n'
    for (const own of ['```ts\ncache.get(id)\n```\n', '``` python\ncache.get(id)\n```\n']) {
      for (let seed = 1; seed <= 40; seed++) {
        const { text } = run(randomSplit(prng(seed), `${copy}${own}Where is it stale?`))
        // It starts a line (the turn's first, with no probe before it).
        expect(`\n${text}`, JSON.stringify(text)).toContain(`\n${own}Where is it stale?`)
      }
    }
  })

  it('reads fences right after a second copy, when the first ended with a bare closing fence', () => {
    // The first copy began inside a block: its closing fence, dropped, had no opening one counted.
    // Had it counted as an opening, the guard would take the fence after the second copy the
    // wrong way round: the opening fence of a block of its own as the copy's closing one, or
    // keep the fence closing the second copy's block.
    const copied = copiedSpanFinder(MODEL_ANSWER)
    const first =
      '  async get(key) {\n    const version = await this.redis.get(`version:${key}`);\n    return this.localCache.get(`${key}:v${version}`);\n  }\n}\n```\n\n'
    const mine = 'Say yours is this:\n```ts\ncache.get(id)\n```\n'
    const list =
      '- No invalidation messages: Just increment version counter\n- Old caches naturally expire after the sixty second time to live in every region\n'
    const code =
      'Right:\n```javascript\nclass VersionedCache {\n  async get(key) {\n    const version = await this.redis.get(`version:${key}`);\n    return this.localCache.get(`${key}:v${version}`);\n  }\n}\n``` Really?\n'
    const cases = [
      {
        reply: `${first}${mine}${list}\`\`\`ts\nlet v = 1\n\`\`\`\nWhere?`,
        own: '\n```ts\nlet v = 1\n```\nWhere?',
      },
      {
        reply: `${first}${mine}${list}\`\`\` python\nv = 1\n\`\`\`\nWhere?`,
        own: '\n``` python\nv = 1\n```\nWhere?',
      },
      { reply: `${first}${mine}${code}Where?`, own: '\nReally?\nWhere?' },
    ]
    for (const [n, { reply, own }] of cases.entries()) {
      for (let seed = 1; seed <= 60; seed++) {
        const chunks = randomSplit(prng(seed * 10 + n), reply)
        const { text, states, early, core } = run(chunks)
        const where = `reply ${n}, seed ${seed}: ${JSON.stringify(text)}`
        expect(early.leaks, where).toBe(2)
        expect(debris(text), where).toEqual([])
        expect(text, where).toContain(mine)
        expect(text, where).toContain(own)
        expect(text, where).toBe(core)
        for (const state of states) expect(copied(state), where).toEqual([])
      }
    }
  })

  it('keeps a code block of its own in a turn that copies nothing, shown as it streams', () => {
    const reply =
      'Say the handler looks like this:\n```ts\nfunction handle(req) {\n  return cache.get(req.id)\n}\n```\nWhere would the stale read come from?'
    for (let seed = 1; seed <= 40; seed++) {
      const chunks = randomSplit(prng(seed), reply)
      const { text, states, early } = run(chunks)
      expect(text).toBe(reply)
      expect(early.leaks).toBe(0)
      // Only ever appended: nothing shown is taken back.
      states.forEach((s, i) => expect(s.startsWith(states[i - 1] ?? '')).toBe(true))
    }
  })
})
