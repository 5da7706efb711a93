import { describe, expect, it } from 'vitest'
import {
  CpuProfileSchema,
  summariseCpuProfile,
  type CpuProfile,
} from '../../../bench/stream/cpu-profile-summary.js'

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 })

/** root -> pump (turn runner) -> send (hub) -> writev; root -> (idle); root -> leak guard push. */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 5, 6] },
    {
      id: 2,
      callFrame: frame('pump', 'file:///w/server/interview/interviewer-turn-runner.ts'),
      children: [3],
    },
    {
      id: 3,
      callFrame: frame('deliver', 'file:///w/server/ws/session-stream-hub.ts'),
      children: [4],
    },
    { id: 4, callFrame: frame('writev') },
    { id: 5, callFrame: frame('(idle)') },
    { id: 6, callFrame: frame('push', 'file:///w/server/interview/leak-guard.ts?tsx-namespace=1') },
  ],
  // One sample each 0.5 s: writev, idle, guard, writev, then a late sample (2 s later) in pump.
  samples: [4, 5, 6, 4, 2],
  timeDeltas: [500_000, 500_000, 500_000, 500_000, 2_000_000],
}

describe('summariseCpuProfile', () => {
  it('counts samples, not the time a late one carries, and leaves idle out', () => {
    const s = summariseCpuProfile(profile)
    expect(s.busyMs).toBe(4)
    expect(s.selfByFunction).toEqual([
      ['writev :1', 2],
      ['push server/interview/leak-guard.ts:1', 1],
      ['pump server/interview/interviewer-turn-runner.ts:1', 1],
    ])
  })

  it('names each sample by the first part of the relay path found walking up from its frame', () => {
    const s = summariseCpuProfile(profile)
    expect(Object.fromEntries(s.byCategory)).toEqual({
      'socket writes (writev)': 2,
      'leak guard': 1,
      'turn runner, interviewer, LLM client': 1,
    })
    // Inclusive: pump is on the stack of both writes and of its own sample.
    expect(s.inclusiveByFunction[0]).toEqual([
      'pump server/interview/interviewer-turn-runner.ts:1',
      3,
    ])
  })

  it('keeps to the window, by the profile clock, and gives busy ms per second', () => {
    const s = summariseCpuProfile(profile, { fromSec: 1.2, toSec: 2.1 })
    expect(s.busyMs).toBe(2)
    expect(Object.fromEntries(s.selfByFunction)).toEqual({
      'push server/interview/leak-guard.ts:1': 1,
      'writev :1': 1,
    })
    expect(s.timeline).toEqual([1, 1, 1, 0, 1])
  })
})

describe('CpuProfileSchema', () => {
  it('reads what V8 writes and refuses a file that is not a CPU profile', () => {
    const written = JSON.parse(JSON.stringify({ ...profile, startTime: 0, endTime: 3_000_000 }))
    expect(CpuProfileSchema.parse(written)).toEqual(profile)
    expect(CpuProfileSchema.safeParse({ nodes: profile.nodes }).success).toBe(false)
    expect(CpuProfileSchema.safeParse({ ...profile, samples: ['4'] }).success).toBe(false)
  })
})
