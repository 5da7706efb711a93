import { describe, expect, it } from 'vitest'
import { applyTurnChunk, type TurnChunk } from '../../../server/interview/interviewer-engine.js'
import { labelStems } from '../../../server/interview/question-similarity.js'
import { createRepeatFilter } from '../../../server/interview/repeat-filter.js'
import { createStreamedRepeatFilter } from '../../../server/interview/streamed-repeat-filter.js'
import { createRng, type Rng } from '../../support/fuzz.js'

/**
 * The repeat filter used to hold every sentence until it ended (0.75 s before the first word at
 * 20 tokens/s, 3 s at 5). The streamed filter shows each word at once and takes back a sentence
 * the check drops or replaces; what the candidate ends with must be exactly what the
 * sentence-at-a-time filter released, whatever the deltas.
 */

const ASKED = ['Let me push on minutes 0-3: what would you do there first, and why that first?']
const IGNORE = labelStems(['Minutes 0-3', 'Minutes 3-7', 'Verification'])
const AGREEING = 'Hint: to push further, name the one number you would watch.'

type Case = { asked: string[]; drill: boolean; reply: string }

/** The replies of repeat-filter.test.ts, repeat-filter-drill.test.ts and the LLM engine's tests. */
const CASES: Case[] = [
  {
    asked: ASKED,
    drill: false,
    reply: 'Thanks. Let me push on minutes 3-7: what would you do there first, and why that first?',
  },
  {
    asked: ASKED,
    drill: false,
    reply: 'Fair. How would you know the rollback worked?\nNothing else.',
  },
  {
    asked: [],
    drill: false,
    reply: 'What would you check first? Again: what would you check first?',
  },
  { asked: ASKED, drill: false, reply: 'Fair. What next? ' },
  { asked: ASKED, drill: false, reply: 'Tell me more' },
  {
    asked: ASKED,
    drill: false,
    reply:
      'Thanks. Let me push on minutes 3-7: what would you do there first, and why that first?\n\nAnd how would you roll it out?',
  },
  { asked: ASKED, drill: false, reply: 'Fair. What would you measure first?' },
  {
    asked: [],
    drill: true,
    reply:
      'Verdict: partial. Close.\nHint: Have you thought about what would make you stop?\nWhat is the first thing you would measure?',
  },
  {
    asked: [],
    drill: true,
    reply:
      'Verdict: solid. You are on it.\nHint: Your answer did not get to the part that matters.\nWhat would you cut first?',
  },
  {
    asked: [],
    drill: true,
    reply: 'Verdict: partial. Close.\nHint: your answer did not get to the rollback.\nWhy?',
  },
  {
    asked: [],
    drill: true,
    reply: 'Verdict: solid. Good.\nHint: think about the users the fix does not reach.\nWhy?',
  },
  { asked: [], drill: false, reply: 'Hint: what would you check?\nAnd then?' },
  {
    asked: [],
    drill: true,
    reply:
      'Verdict: solid. You are on it.\nHint: Your answer did not get to the part that matters.\nWhat would page someone first?',
  },
  {
    asked: [],
    drill: true,
    reply:
      'Verdict: partial. Close.\nHint: Have you thought about the queue?\nWhich threshold would you alert on?',
  },
]

const options = (c: Case) => ({
  asked: c.asked,
  ignore: IGNORE,
  ...(c.drill ? { drill: { agreeingHint: () => AGREEING } } : {}),
})

/** Cuts `text` at random places (empty deltas included), as a provider's stream may. */
function randomSplit(rng: Rng, text: string): string[] {
  const parts: string[] = []
  let at = 0
  while (at < text.length) {
    const size = rng.chance(0.1) ? 0 : 1 + rng.int(12)
    parts.push(text.slice(at, at + size))
    at += size
  }
  return parts
}

function runStreamed(c: Case, deltas: string[]) {
  const filter = createStreamedRepeatFilter(options(c))
  const chunks: TurnChunk[] = []
  const seen: string[] = []
  let text = ''
  for (const delta of [...deltas, null]) {
    const chunk = delta === null ? filter.flush() : filter.push(delta)
    if (chunk === null) continue
    chunks.push(chunk)
    text = applyTurnChunk(text, chunk)
    seen.push(text)
  }
  return { filter, chunks, seen, text }
}

function runSentenceAtATime(c: Case, deltas: string[]) {
  const filter = createRepeatFilter(options(c))
  return { filter, text: deltas.map((d) => filter.push(d)).join('') + filter.flush() }
}

describe('createStreamedRepeatFilter', () => {
  it('ends with exactly what the sentence-at-a-time filter releases, for any deltas', () => {
    const rng = createRng(20261202)
    for (const c of CASES) {
      for (let i = 0; i < 100; i++) {
        const deltas = randomSplit(rng, c.reply)
        const streamed = runStreamed(c, deltas)
        const reference = runSentenceAtATime(c, deltas)
        const label = `${JSON.stringify(c.reply)} split ${JSON.stringify(deltas)}`
        expect(streamed.text, label).toBe(reference.text)
        expect(streamed.filter.shown, label).toBe(reference.text)
        expect(streamed.filter.dropped).toEqual(reference.filter.dropped)
        expect(streamed.filter.asked).toEqual(reference.filter.asked)
        expect(streamed.filter.hintsFixed).toEqual(reference.filter.hintsFixed)
        // Appends only while nothing is taken back: a revision only when the check changed text.
        const changed = reference.text !== c.reply
        const revised = streamed.chunks.some((k) => typeof k !== 'string')
        expect(revised, label).toBe(changed)
      }
    }
  })

  it('shows the first words at once, before the sentence ends', () => {
    const filter = createStreamedRepeatFilter({ asked: ASKED, ignore: IGNORE })
    expect(filter.push('Fair')).toBe('Fair')
    expect(filter.push('. How would ')).toBe('. How would ')
    expect(filter.push('you know')).toBe('you know')
    expect(filter.push('?')).toBe('?')
    expect(filter.flush()).toBeNull()
    expect(filter.shown).toBe('Fair. How would you know?')
  })

  it('takes back a repeated question once it ends, with the rest of the turn kept', () => {
    const filter = createStreamedRepeatFilter({ asked: ASKED, ignore: IGNORE })
    const chunks = [
      filter.push('Thanks. Let me push on minutes 3-7: what would you do there '),
      filter.push('first, and why that first?'),
      filter.push('\n\nHow would you roll it out?'),
      filter.flush(),
    ]
    // Shown as written until the question's end shows it repeats, then revised without it.
    expect(chunks[0]).toBe('Thanks. Let me push on minutes 3-7: what would you do there ')
    expect(chunks[1]).toBe('first, and why that first?')
    expect(chunks[2]).toEqual({ revise: 'Thanks. \n\nHow would you roll it out?' })
    expect(chunks[3]).toBeNull()
    expect(filter.dropped).toHaveLength(1)
  })

  it('revises a drill hint that contradicts a solid verdict into the agreeing one', () => {
    const filter = createStreamedRepeatFilter({
      asked: [],
      ignore: new Set(),
      drill: { agreeingHint: () => AGREEING },
    })
    const first = filter.push('Verdict: solid. Good.\nHint: Your answer did not get to it.')
    expect(first).toBe('Verdict: solid. Good.\nHint: Your answer did not get to it.')
    expect(filter.push('\nWhy?')).toEqual({
      revise: `Verdict: solid. Good.\n${AGREEING}\nWhy?`,
    })
  })

  it('filters a revised input afresh: a question taken back by the leak guard is not asked', () => {
    const filter = createStreamedRepeatFilter({ asked: [], ignore: IGNORE })
    expect(filter.push('So send the key. What would you check? ')).toBe(
      'So send the key. What would you check? ',
    )
    // The leak guard took back "send the key" (the start of a copy) and all after it.
    expect(filter.revise('So ')).toEqual({ revise: 'So ' })
    expect(filter.asked).toEqual([])
    // The same question asked again now is not a repeat: the taken-back one was never asked.
    expect(filter.push('What would you check?')).toBe('What would you check?')
    expect(filter.flush()).toBeNull()
    expect(filter.asked).toEqual(['So What would you check?'])
    expect(filter.shown).toBe('So What would you check?')
  })
})
