import { describe, expect, it } from 'vitest'
import { REPLY_STEP_COSTS, replySteps } from '../../../server/interview/reply-steps.js'

// Rows are sentences, columns the framework's steps (0-based); `start` is the step the reply
// starts after (the one before the step asked about).
describe('replySteps', () => {
  it('gives a sentence after one on step k the next step, though the map scores it higher on k', () => {
    // Asked about step 0 (dealt with): the second sentence goes on to step 1.
    const scores = [
      [0.6, 0.1, 0.0],
      [0.45, 0.12, 0.05],
    ]
    expect(replySteps(scores, new Set([0]), -1)).toEqual([1])
  })

  it('keeps a second sentence that says more about step k on k, so no later step is credited', () => {
    const scores = [
      [0.6, 0.1, 0.05],
      [0.7, 0.05, 0.05],
    ]
    expect(replySteps(scores, new Set([0]), -1)).toEqual([])
  })

  it('lets a sentence go back to an earlier step not dealt with, at a cost', () => {
    // Asked about step 2; the second sentence is plainly on step 0.
    const scores = [
      [0.1, 0.1, 0.6],
      [0.5, 0.05, 0.05],
    ]
    expect(replySteps(scores, new Set([2]), 1)).toEqual([0])
  })

  it('charges for jumping over steps not dealt with, not over those dealt with', () => {
    const scores = [
      [0.6, 0.0, 0.0, 0.0],
      [0.0, 0.05, 0.05, 0.3],
    ]
    // Steps 1 and 2 open: jumping to 3 costs more than the sentence is worth.
    expect(replySteps(scores, new Set([0]), -1)).toEqual([])
    // Steps 1 and 2 dealt with already: step 3 is the next one left.
    expect(replySteps(scores, new Set([0, 1, 2]), -1)).toEqual([3])
  })

  it('credits nothing below the floor, and each step once', () => {
    const low = REPLY_STEP_COSTS.floor / 2
    expect(
      replySteps(
        [
          [0.6, low],
          [0.5, low],
        ],
        new Set([0]),
        -1,
      ),
    ).toEqual([])
    expect(
      replySteps(
        [
          [0.05, 0.5],
          [0.05, 0.6],
        ],
        new Set([0]),
        -1,
      ),
    ).toEqual([1])
  })

  it('gives an empty reply nothing', () => {
    expect(replySteps([], new Set(), -1)).toEqual([])
  })
})
