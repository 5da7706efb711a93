/** A token that carries a figure: "15", "p99", "1%", "2.8s", "postgres11", "10-minute". */
const FIGURE = /[\p{L}\p{N}]*\d[\p{L}\p{N}.%]*/gu

/**
 * How many distinct figures a text states (numbers, percentages, percentiles, versions,
 * durations). Strong senior answers commit to figures (a 1%-10%-50% ramp, p75 under 2.5 s, a
 * 15-minute window); middling ones stay qualitative. The count is a cheap, question-independent
 * sign of specificity (the grading notes: "specificity beats vocabulary").
 */
export function countFigures(texts: readonly string[]): number {
  const seen = new Set<string>()
  for (const text of texts)
    for (const m of text.matchAll(FIGURE)) seen.add(m[0].toLowerCase().replace(/\.$/, ''))
  return seen.size
}
