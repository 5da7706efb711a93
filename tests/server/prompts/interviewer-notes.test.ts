import { describe, expect, it } from 'vitest'
import {
  parseInterviewerOutput,
  splitInterviewerStream,
  stripNotesFromStream,
} from '../../../server/prompts/interviewer-notes.js'

async function* from(chunks: string[]) {
  for (const c of chunks) yield c
}

async function run(chunks: string[]) {
  const stream = stripNotesFromStream(from(chunks))
  const sent: string[] = []
  let next = await stream.next()
  while (!next.done) {
    sent.push(next.value)
    next = await stream.next()
  }
  return { visible: sent.join(''), notes: next.value.notes }
}

describe('parseInterviewerOutput', () => {
  it('splits the visible question from the NOTES line', () => {
    expect(
      parseInterviewerOutput('How do you dedupe retries?\nNOTES: skipped idempotency.\nMore.'),
    ).toEqual({ visible: 'How do you dedupe retries?', notes: 'skipped idempotency.\nMore.' })
  })

  it('accepts a bolded marker and a reply without notes', () => {
    expect(parseInterviewerOutput('Q?\n\n**NOTES:** n')).toEqual({ visible: 'Q?', notes: 'n' })
    expect(parseInterviewerOutput('  Just a question?  ')).toEqual({
      visible: 'Just a question?',
      notes: null,
    })
  })
})

describe('stripNotesFromStream', () => {
  it('never streams the notes, even when the marker is split across deltas', async () => {
    const result = await run(['Why a queue?', '\nNO', 'TE', 'S: candidate avoided numbers', '.'])
    expect(result).toEqual({ visible: 'Why a queue?', notes: 'candidate avoided numbers.' })
  })

  it('releases held-back text that turns out not to be the marker', async () => {
    const result = await run(['What about NO', 'DE failures? N', 'o notes here'])
    expect(result).toEqual({ visible: 'What about NODE failures? No notes here', notes: null })
  })

  it('matches what parseInterviewerOutput gives on the whole text', async () => {
    const text = 'Fair. What is the p99 at peak?\n**NOTES:** gave no latency budget'
    const chunks = text.match(/.{1,3}/gs) ?? []
    const streamed = await run(chunks)
    expect(streamed).toEqual(parseInterviewerOutput(text))
  })
})

describe('splitInterviewerStream', () => {
  it('closes the deltas it reads when its reader stops early', async () => {
    // The deltas stand for the model's stream: left suspended, its HTTP response stays open.
    let closed = false
    async function* deltas() {
      try {
        for (;;) yield 'More words. '
      } finally {
        closed = true
      }
    }
    const split = splitInterviewerStream(deltas())
    for await (const text of split.visible) if (text) break
    expect(closed).toBe(true)
  })
})
