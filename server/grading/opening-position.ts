/**
 * Whether an answer's first sentence already takes a position: a suspected cause ("My suspicion
 * is that the local caches have stopped being local"), a decision ("I'd roll back"), or the first
 * thing to find out ("The first thing I'd want to know is where those 2 seconds are spent").
 * Such an opening may use the question's own words and still lead with the conclusion, so "lead
 * with the conclusion" is no advice for it. English only, like the rest of the discourse measures.
 */
const POSITION =
  /\b(?:my (?:suspicion|guess|bet|hypothesis|hunch|recommendation|answer|call|decision|first move)|I (?:suspect|bet)|(?:most|very) likely|almost certainly|the (?:cause|culprit|root cause|problem|bottleneck) (?:is|was)|I(?:'d| would| will|'ll)? (?:choose|pick|go with|recommend|roll back|lean|start (?:by|with))|(?:the )?first thing I(?:'d| would)? (?:want to know|check|do|look at)|(?:I|I'd|I would) want to know (?:where|why|whether|what|how|which))\b/i

export function statesPosition(sentence: string): boolean {
  return POSITION.test(sentence)
}
