import { describe, expect, it } from 'vitest'
import { timeRange } from '../../../../../web/src/features/history/hooks/time-range.js'

const DAY = 86_400
/** The range uPlot gives a lone point on a time scale in seconds. */
const LONE_POINT_SPAN = 1000 * DAY

describe('timeRange', () => {
  it('shows one attempt with five minutes either side, not the 1,000 days uPlot offers', () => {
    expect(timeRange([5000], 5000, 5000 + LONE_POINT_SPAN)).toEqual([4700, 5300])
  })

  it('pads several attempts by a tenth of their span, at least five minutes', () => {
    expect(timeRange([1000, 1000 + 10 * DAY], 1000, 1000 + 10 * DAY)).toEqual([
      1000 - DAY,
      1000 + 11 * DAY,
    ])
    expect(timeRange([1000, 1010], 1000, 1010)).toEqual([700, 1310])
  })

  it('gives the same axis when uPlot applies it again to its own result', () => {
    const times = [1000, 1000 + 10 * DAY]
    const once = timeRange(times, times[0]!, times[1]!)
    expect(timeRange(times, once[0], once[1])).toEqual(once)
  })

  it('keeps a zoom inside the attempts as it is', () => {
    expect(timeRange([0, 10 * DAY], 2 * DAY, 3 * DAY)).toEqual([2 * DAY, 3 * DAY])
  })
})
