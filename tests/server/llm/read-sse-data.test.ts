import { describe, expect, it } from 'vitest'
import { readSseData } from '../../../server/llm/read-sse-data.js'

async function read(parts: Array<string | Uint8Array>) {
  async function* source() {
    for (const p of parts) yield p
  }
  const events = readSseData(source())
  const data: string[] = []
  let next = await events.next()
  while (!next.done) {
    data.push(next.value)
    next = await events.next()
  }
  return { data, sawDone: next.value.sawDone }
}

describe('readSseData', () => {
  it('yields each event data and stops at [DONE]', async () => {
    expect(await read(['data: a\n\ndata: b\n\ndata: [DONE]\n\ndata: after\n\n'])).toEqual({
      data: ['a', 'b'],
      sawDone: true,
    })
  })

  it('skips comments and other fields, and joins multi-line data', async () => {
    const text = ': keep-alive\n\nevent: message\nid: 7\ndata: line1\ndata:line2\nretry: 10\n\n'
    expect((await read([text])).data).toEqual(['line1\nline2'])
  })

  it('handles CRLF and CR line ends, also split between chunks', async () => {
    expect((await read(['data: a\r', '\n\r\ndata: b\r\r'])).data).toEqual(['a', 'b'])
  })

  it('handles lines and multi-byte characters split across any byte boundary', async () => {
    const bytes = new TextEncoder().encode('data: “charge” ✓\n\ndata: é\n\n')
    const parts = Array.from(bytes, (b) => new Uint8Array([b]))
    expect((await read(parts)).data).toEqual(['“charge” ✓', 'é'])
  })

  it('keeps a last event without its blank line, and reports a missing [DONE]', async () => {
    expect(await read(['data: a\n\ndata: last'])).toEqual({ data: ['a', 'last'], sawDone: false })
  })
})
