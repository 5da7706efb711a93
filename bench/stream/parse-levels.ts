/** One load level: how many candidates, answering evenly over how many ms. */
export type LoadLevel = { clients: number; rampMs: number }

/** Parses `10,50,200@1000` (N, or N@rampMs); throws on anything else. */
export function parseLevels(spec: string, defaultRampMs: number): LoadLevel[] {
  return spec.split(',').map((part) => {
    const match = /^(\d+)(?:@(\d+))?$/.exec(part.trim())
    const clients = Number(match?.[1])
    if (!match || clients < 1 || clients > 5000) throw new Error(`bad load level "${part}"`)
    return { clients, rampMs: match[2] === undefined ? defaultRampMs : Number(match[2]) }
  })
}
