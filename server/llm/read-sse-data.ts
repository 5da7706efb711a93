/**
 * A small server-sent-events reader: the `data` of each event, as real servers send it.
 * Lines end in LF, CRLF or CR; comment lines (`: keep-alive`, `: OPENROUTER PROCESSING`) and
 * other fields are skipped; several `data:` lines of one event are joined with a newline.
 * `[DONE]` ends the stream. Leaner than the SDK's decoder, which concatenates byte arrays per
 * chunk; on this path that is most of the per-token cost (bench:stream --cpu-prof-dir).
 */
export type SseParser = {
  /** Parses one network read; returns the data of the events it completed, in order. */
  push(chunk: Uint8Array | string): string[]
  /** The stream ended: returns a last event left without its blank line, if any. */
  end(): string[]
  /** `[DONE]` came: nothing after it is parsed, and the reader should stop. */
  readonly sawDone: boolean
}

/**
 * The reader as a push parser: one call per network read, no promise per event, so its caller
 * reads the socket and the events in one loop (a generator layer per token costs promises on the
 * main thread).
 */
export function createSseParser(): SseParser {
  const decoder = new TextDecoder()
  let pending = ''
  let data: string[] = []
  let sawDone = false

  /** Ends the event being read; false when it was `[DONE]`. */
  const dispatch = (out: string[]): boolean => {
    const payload = data.join('\n')
    data = []
    if (payload === '[DONE]') {
      sawDone = true
      return false
    }
    out.push(payload)
    return true
  }

  return {
    push(chunk) {
      const out: string[] = []
      if (sawDone) return out
      pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
      let start = 0
      for (let i = 0; i < pending.length; i++) {
        const c = pending.charCodeAt(i)
        if (c !== 10 && c !== 13) continue
        // A CR at the very end may be the first half of a CRLF split across chunks: wait for more.
        if (c === 13 && i === pending.length - 1) break
        const line = pending.slice(start, i)
        if (c === 13 && pending.charCodeAt(i + 1) === 10) i++
        start = i + 1
        if (line.length === 0) {
          if (data.length > 0 && !dispatch(out)) {
            pending = ''
            return out
          }
        } else if (line.startsWith('data:')) {
          data.push(line.charCodeAt(5) === 32 ? line.slice(6) : line.slice(5))
        }
      }
      pending = pending.slice(start)
      return out
    },
    end() {
      const out: string[] = []
      if (sawDone) return out
      pending += decoder.decode()
      // A last event without its blank line still counts: some servers close right after it.
      if (pending.startsWith('data:'))
        data.push(pending.slice(pending.charCodeAt(5) === 32 ? 6 : 5))
      pending = ''
      if (data.length > 0) dispatch(out)
      return out
    },
    get sawDone() {
      return sawDone
    },
  }
}

/** The parser over an async iterable of network reads: yields each event's data. */
export async function* readSseData(
  chunks: AsyncIterable<Uint8Array | string>,
  /** Called on every network read, before it is parsed (comment lines count too). */
  onChunk?: () => void,
): AsyncGenerator<string, { sawDone: boolean }> {
  const parser = createSseParser()
  for await (const chunk of chunks) {
    onChunk?.()
    for (const payload of parser.push(chunk)) yield payload
    if (parser.sawDone) return { sawDone: true }
  }
  for (const payload of parser.end()) yield payload
  return { sawDone: parser.sawDone }
}
