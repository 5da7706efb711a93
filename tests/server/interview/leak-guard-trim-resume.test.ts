import { describe, expect, it } from 'vitest'
import { copiedSpanFinder } from './fixtures/copied-spans.js'
import { CODE_MODEL_ANSWER, runGuards } from './fixtures/run-guards.js'
import { prng, randomSplit } from './fixtures/leaky-text.js'

/**
 * After a dropped copy the guard trims the markup that framed it line by line, and a line may
 * still be arriving: trimming stops and goes on at the next delta. What it learnt on the way (the
 * copy's block was closed by a fence it dropped) must hold when it goes on: the interviewer's own
 * bare fence after that closing fence opens a block of its own, whichever delta it comes in.
 */

const COPY =
  'Solution 2: Versioned Keys (No Invalidation Needed)\n\n```javascript\n// Instead of invalidating, create new versions\nclass VersionedCache {\n  async get(key) {\n    const version = await this.redis.get(`version:${key}`);\n    return this.localCache.get(`${key}:v${version}`);\n  }\n}\n'
// The interviewer's own block: a bare fence, and code with a space in its first line, so that
// line is still open when the word that ends the copy ("retry") has arrived.
const OWN = '```\nretry(3) with backoff\n```\nWhere would it break?'

const fenceLines = (text: string) => text.split('\n').filter((l) => /^\s*(```|~~~)/.test(l))

function expectOwnBlockKept(chunks: readonly string[]) {
  const copied = copiedSpanFinder(CODE_MODEL_ANSWER)
  const { text, states, leaks, core } = runGuards(chunks, CODE_MODEL_ANSWER)
  const where = JSON.stringify(chunks)
  expect(leaks, where).toBe(1)
  for (const state of states) expect(copied(state), where).toEqual([])
  expect(text, where).toBe(core)
  // Its own block starts a line (the turn's first, when nothing before it is kept).
  expect(`\n${text}`, where).toContain(`\n${OWN}`)
  expect(fenceLines(text), where).toHaveLength(2)
}

describe('leak guard: trimming the markup after a copy, over several deltas', () => {
  // The copy closes its block itself ("```"), then the interviewer opens one of its own.
  const reply = `${COPY}\`\`\`\n${OWN}`

  it('keeps its own bare fence when the text arrives whole', () => {
    expectOwnBlockKept([reply])
  })

  it('keeps its own bare fence wherever the text is cut in two', () => {
    for (let cut = 1; cut < reply.length; cut++) {
      expectOwnBlockKept([reply.slice(0, cut), reply.slice(cut)])
    }
  })

  it('keeps its own bare fence under random splits', () => {
    for (let seed = 1; seed <= 200; seed++) expectOwnBlockKept(randomSplit(prng(seed), reply))
  })
})
