/** A token that carries a figure: "15", "p99", "1%", "2.8s", "postgres11", "10-minute". */
const FIGURE = /[\p{L}\p{N}]*\d[\p{L}\p{N}.%]*/gu

/**
 * How many distinct figures a text states (numbers, percentages, percentiles, versions,
 * durations). Strong senior answers commit to figures (a 1%-10%-50% ramp, p75 under 2.5 s, a
 * 15-minute window); middling ones stay qualitative. The count is a cheap, question-independent
 * sign of specificity (the grading notes: "specificity beats vocabulary"). Figures said in words
 * count too ("fifty million", "half a million", "twenty-five seconds"): a candidate telling a
 * story, or a transcript of speech, spells them, and they commit as much as digits do. "One"
 * alone is not a figure ("the one that failed").
 */
export function countFigures(texts: readonly string[]): number {
  const seen = new Set<string>()
  for (const text of texts) {
    for (const m of text.matchAll(FIGURE)) seen.add(m[0].toLowerCase().replace(/\.$/, ''))
    for (const m of text.matchAll(SPELLED)) {
      const run = m[0]
        .toLowerCase()
        .replace(/[\s-]+/g, ' ')
        .trim()
      if (SPELLED_FIGURE.test(run)) seen.add(run)
    }
  }
  return seen.size
}

/** Number words; a run of them (with "a", "and", "half") is one figure said in words. */
const NUMBER_WORD =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|half)'
// Linear: each repetition takes one short gap, optional "a"/"and" words and one number word. A
// scale word after digits ("100 million") counts as a figure of its own: skipping it measured
// worse on the dev set (held-out Spearman 0.8879 against 0.8900), so the simpler rule stays.
const SPELLED = new RegExp(
  `\\b${NUMBER_WORD}(?:[\\s-]{1,3}(?:(?:a|and)[\\s-]{1,3})*${NUMBER_WORD})*\\b`,
  'gi',
)
/** A run that states a quantity: not "one" alone ("the one that"), nor "half" alone. */
const SPELLED_FIGURE =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)\b/
