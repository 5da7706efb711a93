import { describe, expect, it } from 'vitest'
import type { ServerMessage } from '../../../server/protocol/interview-protocol.js'
import { ReplayLog, tokenDelta } from '../../../server/ws/replay-log.js'

const notice = (code: string, seq: number): ServerMessage => ({
  type: 'notice',
  level: 'info',
  code,
  message: code,
  seq,
})
const revise = (turnId: string, text: string, seq: number): ServerMessage => ({
  type: 'turn-revise',
  turnId,
  text,
  seq,
})

/** Everything a replay after `afterSeq` sends, as the JSON a socket would be sent. */
function replayed(log: ReplayLog, afterSeq: number): string[] {
  const out: string[] = []
  log.replayAfter(afterSeq, (m) => out.push(JSON.stringify(m)))
  return out
}

/**
 * A session's messages: deltas of two turns, broken by a revise, a notice and a seq gap (a
 * backend's log may skip seqs), so runs start and end at every kind of boundary.
 */
function sample(): ServerMessage[] {
  return [
    notice('a', 10),
    tokenDelta('t1', 'What', 11),
    tokenDelta('t1', ' would', 12),
    revise('t1', 'Fair.', 13),
    tokenDelta('t1', ' You', 14),
    tokenDelta('t1', ' said', 15),
    notice('slow', 16),
    tokenDelta('t1', ' that.', 17),
    tokenDelta('t2', 'Next', 18),
    tokenDelta('t2', ' one', 20),
    tokenDelta('t2', '?', 21),
  ]
}

describe('replay log', () => {
  it('replays after any seq exactly the messages it was given, same JSON, same seqs', () => {
    const messages = sample()
    const log = new ReplayLog()
    for (const m of messages) log.append(m)
    expect(log.size).toBe(messages.length)
    for (const after of [0, 10, 11, 12, 13, 14, 16, 17, 18, 19, 20, 21, 99]) {
      expect(replayed(log, after)).toEqual(
        messages.filter((m) => m.seq > after).map((m) => JSON.stringify(m)),
      )
    }
  })

  it('drops the oldest message first, one delta at a time inside a run, and says its seq', () => {
    const messages = sample()
    const log = new ReplayLog()
    for (const m of messages) log.append(m)
    for (let i = 0; i < messages.length; i++) {
      expect(log.dropOldest()).toBe(messages[i]!.seq)
      expect(log.size).toBe(messages.length - i - 1)
      // What is left replays whole, and appending after an eviction still extends the run.
      expect(replayed(log, 0)).toEqual(messages.slice(i + 1).map((m) => JSON.stringify(m)))
    }
    expect(log.dropOldest()).toBeUndefined()
    log.append(tokenDelta('t2', ' More', 22))
    log.append(tokenDelta('t2', ' text', 23))
    expect(replayed(log, 22)).toEqual([JSON.stringify(tokenDelta('t2', ' text', 23))])
  })

  it('sends a delta read back from a backend in the key order a live delta has', () => {
    // The schema's parse gives type, seq, turnId, text; tokenDelta is the one live form.
    const parsed = { type: 'token-delta', seq: 5, turnId: 't', text: 'x' } as ServerMessage
    const log = new ReplayLog()
    log.append(parsed)
    expect(replayed(log, 0)).toEqual(['{"type":"token-delta","turnId":"t","text":"x","seq":5}'])
  })
})
