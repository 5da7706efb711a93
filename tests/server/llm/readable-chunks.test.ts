import { PassThrough, Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readableChunks } from '../../../server/llm/readable-chunks.js'

async function readAll(stream: Readable) {
  const got: string[] = []
  for await (const chunk of readableChunks(stream)) got.push(String(chunk))
  return got
}

describe('readableChunks', () => {
  it('yields every chunk in order and ends with the stream', async () => {
    expect(await readAll(Readable.from(['a', 'b', 'c'], { objectMode: false }))).toEqual([
      'a',
      'b',
      'c',
    ])
  })

  it('gives the chunks received before an error, then throws it', async () => {
    const stream = new PassThrough()
    stream.write('one')
    stream.write('two')
    setImmediate(() => stream.destroy(new Error('reset')))
    const got: string[] = []
    await expect(
      (async () => {
        for await (const chunk of readableChunks(stream)) got.push(String(chunk))
      })(),
    ).rejects.toThrow('reset')
    expect(got).toEqual(['one', 'two'])
  })

  it('throws a premature close when the stream is destroyed before its end', async () => {
    const stream = new PassThrough()
    setImmediate(() => stream.destroy())
    await expect(readAll(stream)).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' })
  })

  it('destroys the stream when the reader stops early', async () => {
    const stream = new PassThrough()
    stream.write('one')
    for await (const chunk of readableChunks(stream)) {
      expect(String(chunk)).toBe('one')
      break
    }
    expect(stream.destroyed).toBe(true)
  })

  it('pauses the stream while a slow reader has chunks waiting, and resumes it', async () => {
    const stream = new PassThrough()
    const chunks = readableChunks(stream)
    for (let i = 0; i < 20; i++) stream.write(`c${i}`)
    await new Promise((resolve) => setImmediate(resolve))
    expect(stream.isPaused()).toBe(true)
    const got: string[] = []
    for (let i = 0; i < 20; i++) {
      const step = await chunks.next()
      got.push(String(step.value))
    }
    expect(stream.isPaused()).toBe(false)
    stream.end()
    expect((await chunks.next()).done).toBe(true)
    expect(got.join('')).toBe(Array.from({ length: 20 }, (_, i) => `c${i}`).join(''))
  })
})

describe('readableChunks release', () => {
  it('reads the rest of the stream to its end and drops it, without destroying it', async () => {
    const stream = new PassThrough()
    const chunks = readableChunks(stream)
    stream.write('data: [DONE]\n\n')
    expect(String((await chunks.next()).value)).toBe('data: [DONE]\n\n')
    await chunks.release()
    expect(stream.destroyed).toBe(false)
    stream.end('0\r\n\r\n')
    await new Promise((resolve) => stream.once('end', resolve))
    // Read to its end (a response so read leaves its socket to the keep-alive pool).
    expect(stream.readableEnded).toBe(true)
    expect(await chunks.next()).toEqual({ value: undefined, done: true })
  })

  it('destroys a released stream that does not end within the grace', async () => {
    const stream = new PassThrough()
    const chunks = readableChunks(stream)
    await chunks.release(5)
    await new Promise((resolve) => stream.once('close', resolve))
    expect(stream.destroyed).toBe(true)
  })

  it('destroys at once a stream that already failed', async () => {
    const stream = new PassThrough()
    const chunks = readableChunks(stream)
    stream.destroy(new Error('reset'))
    await new Promise((resolve) => setImmediate(resolve))
    await chunks.release()
    expect(stream.destroyed).toBe(true)
  })
})
