import { describe, expect, it } from 'vitest'
import { readOpening } from '../../../server/llm/reasoning-opening.js'

/** Openings of reasoning as distills and thinking models write them with the tag in the prompt. */
const REASONING = [
  'Okay, so the user proposed a write-through cache.',
  'Okay, let me think about what the candidate said.',
  'Alright, the candidate mentioned sharding by user id.',
  "Hmm, the candidate's answer skips capacity.",
  'We need to produce one follow-up question.',
  'The user says they would add a cache.',
  'I need to figure out which gap to probe.',
  'So I should ask about the rollout next.',
  'First, let me recall the framework steps.',
  'analysisThe user asks about caching.',
]

/** Interviewer replies, some opening with the same words. */
const ORDINARY = [
  'Fair. What would you measure first?',
  'Thanks, that covers the write path.',
  'How would you find the bottleneck?',
  'Okay. What would you measure first?',
  'So you went with a cache: how stale can a read be?',
  'The cache you describe sits where?',
  'I see. Walk me through the failure path.',
  "Let's go deeper on the rollout: who gets it first?",
  'Analysis of the queue is a good start. Now, what happens when it backs up?',
  '{"score": 7}',
  "Let's talk about the rollout plan: what has to be true first?",
]

describe('readOpening', () => {
  it.each(REASONING)('reads %j as reasoning', (text) => {
    expect(readOpening(text)).toBe('reasoning')
  })

  it.each(ORDINARY)('reads %j as ordinary', (text) => {
    expect(readOpening(text)).toBe('ordinary')
  })

  it('decides a reply whose first word opens no reasoning at its first token', () => {
    expect(readOpening('Fair')).toBe('ordinary')
    expect(readOpening('How')).toBe('ordinary')
    expect(readOpening('Thanks')).toBe('ordinary')
  })

  it('holds a first word that may open reasoning until the words after it decide', () => {
    expect(readOpening('Ok')).toBe('hold')
    expect(readOpening('Okay,')).toBe('hold')
    expect(readOpening('Okay, so the')).toBe('hold')
    expect(readOpening('Okay, so the user')).toBe('reasoning')
  })

  it('decides a "let\'s" or "let me" opening at its verb', () => {
    expect(readOpening("Let's talk")).toBe('hold')
    expect(readOpening("Let's talk ")).toBe('ordinary')
    expect(readOpening('Let me push ')).toBe('ordinary')
    expect(readOpening("Let's see ")).toBe('reasoning')
    expect(readOpening('Let me think ')).toBe('reasoning')
  })

  it('gives up holding after the window of words without a cue', () => {
    const words =
      'The queue grows when consumers lag behind producers for long periods at peak load and then some more'
    expect(readOpening(words)).toBe('ordinary')
  })
})
