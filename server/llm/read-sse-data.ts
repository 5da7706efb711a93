/**
 * A small server-sent-events reader: yields the `data` of each event, as real servers send it.
 * Lines end in LF, CRLF or CR; comment lines (`: keep-alive`, `: OPENROUTER PROCESSING`) and
 * other fields are skipped; several `data:` lines of one event are joined with a newline.
 * `[DONE]` ends the stream. Leaner than the SDK's decoder, which concatenates byte arrays per
 * chunk; on this path that is most of the per-token cost (bench:stream --cpu-prof-dir).
 */
export async function* readSseData(
  chunks: AsyncIterable<Uint8Array | string>,
  /** Called on every network read, before it is parsed (comment lines count too). */
  onChunk?: () => void,
): AsyncGenerator<string, { sawDone: boolean }> {
  const decoder = new TextDecoder()
  let pending = ''
  let data: string[] = []
  for await (const chunk of chunks) {
    onChunk?.()
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
        if (data.length > 0) {
          const payload = data.join('\n')
          data = []
          if (payload === '[DONE]') return { sawDone: true }
          yield payload
        }
      } else if (line.startsWith('data:')) {
        data.push(line.charCodeAt(5) === 32 ? line.slice(6) : line.slice(5))
      }
    }
    pending = pending.slice(start)
  }
  pending += decoder.decode()
  // A last event without its blank line still counts: some servers close right after it.
  if (pending.startsWith('data:')) data.push(pending.slice(pending.charCodeAt(5) === 32 ? 6 : 5))
  if (data.length > 0) {
    const payload = data.join('\n')
    if (payload === '[DONE]') return { sawDone: true }
    yield payload
  }
  return { sawDone: false }
}
