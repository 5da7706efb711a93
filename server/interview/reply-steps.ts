/**
 * The framework steps the sentences of one reply do, assigned jointly rather than one sentence at
 * a time. A candidate who covers several steps in one reply mostly goes forward through the
 * framework, and a sentence that goes on to the next step is often scored by the coverage map
 * higher on the step the sentence before it did (their words overlap) than on its own. Alone,
 * such a sentence cannot be told from one that says more about the step just done; in sequence
 * it can, a little: the assignment maximises the sum of each sentence's map score on its step,
 * with a bonus for moving on to the next step, a cost for staying on the step just done, for
 * going back, and for each step jumped over that is not yet dealt with (a Viterbi path over
 * the framework's steps, a sentence may also do none).
 */
export type ReplyStepCosts = {
  /** What a sentence that does no step adds. */
  none: number
  /** Added when a sentence does the step right after the previous sentence's. */
  next: number
  /** Taken off when a sentence stays on the previous sentence's step. */
  stay: number
  /** Taken off when a sentence goes back to an earlier step. */
  back: number
  /** Taken off for each step jumped over that is not dealt with. */
  jump: number
  /** A step a sentence is given counts only from this score. */
  floor: number
}

export const REPLY_STEP_COSTS: ReplyStepCosts = {
  none: 0.1,
  next: 0.2,
  stay: 0.2,
  back: 0.05,
  jump: 0.2,
  floor: 0.1,
}

/**
 * The steps (indices into the framework) that sentences with these scores do and that are not
 * in `dealt`. `scores[i][j]` is sentence i's map score on step j; `start` is the step the reply
 * starts after (the one before the step asked about, -1 for none).
 */
export function replySteps(
  scores: readonly (readonly number[])[],
  dealt: ReadonlySet<number>,
  start: number,
  costs: ReplyStepCosts = REPLY_STEP_COSTS,
): number[] {
  const steps = scores[0]?.length ?? 0
  // best[p + 1]: the best total with the last sentence that did a step on step p (-1: none yet).
  let best = Array<number>(steps + 1).fill(-Infinity)
  best[start + 1] = 0
  const trail: Array<Array<[number, number]>> = []
  for (const row of scores) {
    const next = Array<number>(steps + 1).fill(-Infinity)
    const from = Array<[number, number]>(steps + 1).fill([-1, -1])
    best.forEach((total, slot) => {
      if (total === -Infinity) return
      const at = slot - 1
      if (total + costs.none > next[slot]!) {
        next[slot] = total + costs.none
        from[slot] = [slot, -1]
      }
      for (let j = 0; j < steps; j++) {
        const gain = row[j]! + moveGain(at, j, dealt, costs)
        if (total + gain > next[j + 1]!) {
          next[j + 1] = total + gain
          from[j + 1] = [slot, j]
        }
      }
    })
    trail.push(from)
    best = next
  }
  let slot = best.indexOf(Math.max(...best))
  const assigned = Array<number>(scores.length).fill(-1)
  for (let i = scores.length - 1; i >= 0; i--) {
    const [previous, step] = trail[i]![slot]!
    assigned[i] = step
    slot = previous
  }
  const credited = assigned.filter(
    (step, i) => step >= 0 && !dealt.has(step) && scores[i]![step]! >= costs.floor,
  )
  return [...new Set(credited)]
}

function moveGain(at: number, to: number, dealt: ReadonlySet<number>, costs: ReplyStepCosts) {
  if (to === at) return -costs.stay
  if (to < at) return -costs.back
  let jumped = 0
  for (let j = at + 1; j < to; j++) if (!dealt.has(j)) jumped++
  return (to === at + 1 ? costs.next : 0) - costs.jump * jumped
}
