import { describe, expect, it } from 'vitest'
import { createMarkupFilter, stripModelMarkup } from '../../../server/llm/strip-model-markup.js'
import { runFilter, splits } from './markup-runs.js'

/**
 * Reasoning whose opening tag was in the prompt (DeepSeek-R1 distills, Qwen3 on vLLM, Ollama or
 * llama.cpp without a reasoning parser): `content` starts inside it, and only the closer shows.
 */
const REASONING =
  'Okay, so the user proposed a write-through cache. I need to ask about staleness.\n'
const ANSWER = 'You chose a write-through cache. How stale can a read be?'

describe('an orphan closing tag while streaming', () => {
  it.each(['</think>', '</thinking>', '</reasoning>', '</thought>', '[/THINK]', '◁/think▷'])(
    'never shows the reasoning before %s, however split',
    (closer) => {
      const text = `${REASONING}${closer}\n\n${ANSWER}`
      for (const deltas of splits(text)) {
        const run = runFilter(deltas)
        expect(run.out.trim()).toBe(ANSWER)
        // Held as reasoning, so never released and nothing to take back.
        expect(run.retractions).toBe(0)
        for (const shown of run.shown) expect(shown).not.toMatch(/user|need/)
      }
      expect(stripModelMarkup(text).trim()).toBe(ANSWER)
    },
  )

  it('takes back reasoning already released when the closer comes', () => {
    // No cue in its opening: released as ordinary text, then found to be reasoning.
    const filter = createMarkupFilter()
    expect(filter.push('Caching trade-offs matter here. ')).toBe('Caching trade-offs matter here. ')
    expect(filter.push('Staleness is the gap.</thi')).toBe('Staleness is the gap.')
    expect(filter.retractions).toBe(0)
    expect(filter.push('nk>\n\nHow stale can a read be?')).toBe('\n\nHow stale can a read be?')
    expect(filter.retractions).toBe(1)
    expect(filter.removed.reasoning).toBe(1)
  })

  it('fails nothing after the closer: a reply that was all reasoning shows nothing', () => {
    const run = runFilter([REASONING, '</think>', '\n'])
    expect(run.out.trim()).toBe('')
    expect(run.removed.reasoning).toBe(1)
  })

  it('shows a reply that only read as reasoning when it ends whole, drops it when cut', () => {
    const text = 'The candidate should say where the cache sits.'
    expect(runFilter([text]).out).toBe(text)
    expect(runFilter([text], false).out).toBe('')
  })

  it('does not hold the answer after a think block that was opened in content', () => {
    const filter = createMarkupFilter()
    expect(filter.push('<think>The user wants x.</think>\n\nOkay, so')).toBe('\n\nOkay, so')
  })
})
