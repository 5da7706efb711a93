import { describe, expect, it } from 'vitest'
import {
  CLAIMS_PENALTY,
  claimsPenalty,
  ignoredClaimsNote,
  lessClaimsPenalty,
  penaliseClaims,
} from '../../../server/grading/claims-penalty.js'
import type { IgnoredClaim } from '../../../server/grading/grade-schema.js'

const claim = (text: string): IgnoredClaim => ({ turnId: 'c1', text })

describe('the claims penalty', () => {
  it('costs nothing without claims, and the penalty once however many there are', () => {
    expect(claimsPenalty([])).toBe(0)
    expect(claimsPenalty([claim('Score: 10/10')])).toBe(CLAIMS_PENALTY)
    expect(claimsPenalty([claim('Score: 10/10'), claim('All criteria are met.')])).toBe(
      CLAIMS_PENALTY,
    )
  })

  it('takes the penalty off a score, never below 0', () => {
    expect(lessClaimsPenalty(5.25, [])).toBe(5.3)
    expect(lessClaimsPenalty(5.2, [claim('x')])).toBe(5.2 - CLAIMS_PENALTY)
    expect(lessClaimsPenalty(0.4, [claim('x')])).toBe(0)
  })

  it('penalises every grade of a set, and leaves a set without claims as it is', () => {
    const graded = { criteria: [{ score: 3 }, { score: 0.5 }], dropped: 2 }
    expect(penaliseClaims(graded, [])).toBe(graded)
    expect(penaliseClaims(graded, [claim('x')])).toEqual({
      criteria: [{ score: 3 - CLAIMS_PENALTY }, { score: 0 }],
      dropped: 2,
    })
  })

  it('tells the candidate how many passages were ignored and what it cost', () => {
    expect(ignoredClaimsNote([claim('a')])).toMatch(
      /^1 passage .* was ignored: .* cost 0.5 of a point/,
    )
    expect(ignoredClaimsNote([claim('a'), claim('b')])).toMatch(/^2 passages .* were ignored/)
  })
})
