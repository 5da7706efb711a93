import { failed, parsed, type ParseResult } from './parse-result.js'
import type { RubricCriterion } from './question-schema.js'
import { isBlank, type SourceLine } from './source-line.js'

const SCORE = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/
const WHY = /^\s*Why this score\s*:\s*$/i
const CRITERION = /^\s*[-•*]\s+([^:]+?):\s*(\S.*?)\s*$/

export type ParsedScore = { statedScore: { value: number; scale: number }; rubric: RubricCriterion[] }

/** "4. Interview Score": `N/10`, then "Why this score:" and criteria `- Name: description`. */
export function parseScore(heading: SourceLine, lines: SourceLine[]): ParseResult<ParsedScore> {
  const content = lines.filter((l) => !isBlank(l))
  const [scoreLine, whyLine, ...criteria] = content
  if (!scoreLine) return failed(heading.n, 'expected a score "N/10" after this heading')
  const score = SCORE.exec(scoreLine.text)
  if (!score) {
    return failed(scoreLine.n, `expected a score "N/10", found "${scoreLine.text.trim().slice(0, 40)}"`)
  }
  const statedScore = { value: Number(score[1]), scale: Number(score[2]) }
  if (statedScore.scale <= 0 || statedScore.value > statedScore.scale) {
    return failed(scoreLine.n, `expected a score "N/10" with N between 0 and the scale, found "${scoreLine.text.trim()}"`)
  }
  if (!whyLine || !WHY.test(whyLine.text)) {
    return failed(whyLine?.n ?? scoreLine.n, 'expected "Why this score:" after the score')
  }
  const rubric: RubricCriterion[] = []
  for (const line of criteria) {
    const c = CRITERION.exec(line.text)
    if (!c) return failed(line.n, 'expected a rubric criterion "- Name: description"')
    rubric.push({ name: c[1]!.trim(), description: c[2]!, weight: 1 })
  }
  if (rubric.length === 0) {
    return failed(whyLine.n, 'expected at least one rubric criterion "- Name: description" after "Why this score:"')
  }
  return parsed({ statedScore, rubric })
}
