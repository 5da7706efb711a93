import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readableChunks, type ReadableChunks } from '../../../server/llm/readable-chunks.js'

/** Reads to the end with nextThen, the handler's values in order (the error's as `error:`). */
async function readWithNextThen(chunks: ReadableChunks) {
  const got: string[] = []
  for (;;) {
    const done = await chunks.nextThen(
      (step) => {
        if (!step.done) got.push(String(step.value))
        return step.done ?? false
      },
      (error) => {
        got.push(`error:${(error as Error).message}`)
        return true
      },
    )
    if (done) return got
  }
}

// nextThen is `next().then(onStep, onError)` in one promise (the LLM client's read of every
// network read): the same chunks, order and outcomes, whether a chunk was queued or awaited.
describe('readableChunks.nextThen', () => {
  it('hands queued and awaited chunks to the handler in order, then the end', async () => {
    const stream = new PassThrough()
    const chunks = readableChunks(stream)
    stream.write('one')
    stream.write('two')
    await new Promise((resolve) => setImmediate(resolve))
    setImmediate(() => {
      stream.write('three')
      stream.end()
    })
    expect(await readWithNextThen(chunks)).toEqual(['one', 'two', 'three'])
  })

  it('hands the chunks before an error to onStep, then the error to onError', async () => {
    const stream = new PassThrough()
    const chunks = readableChunks(stream)
    stream.write('one')
    setImmediate(() => stream.destroy(new Error('reset')))
    expect(await readWithNextThen(chunks)).toEqual(['one', 'error:reset'])
  })

  it("rejects with what a handler throws, and settles with a handler's promise", async () => {
    const stream = new PassThrough()
    const chunks = readableChunks(stream)
    setImmediate(() => stream.write('one'))
    await expect(
      chunks.nextThen(
        () => {
          throw new Error('handler failed')
        },
        () => 'no',
      ),
    ).rejects.toThrow('handler failed')
    stream.write('two')
    expect(await chunks.nextThen((step) => Promise.resolve(String(step.value)), String)).toBe('two')
    await chunks.return!()
    expect(stream.destroyed).toBe(true)
    expect(await chunks.nextThen((step) => String(step.done), String)).toBe('true')
  })
})
