import { writeFileSync } from 'node:fs'
import { format, resolveConfig } from 'prettier'
import type { ScoreScale } from '../../server/grading/score-scale.js'

/**
 * Writes the scale fitted on every question to server/grading/fitted-score-scale.ts, the
 * scale the product ships; `sets` names the folders it was fitted on ("bench/transcripts and
 * bench/transcripts-fresh"). Generated code, validated again when the module loads, and written
 * as the project's formatter writes it, so CI's format check passes on a fresh fit.
 */
export async function writeFittedScale(
  file: string,
  scale: ScoreScale,
  sets: string,
): Promise<void> {
  const knots = scale.knots.map(([x, y]) => `    [${x.toFixed(4)}, ${y.toFixed(2)}],`).join('\n')
  const source = `import { ScoreScaleSchema } from './score-scale.js'

/**
 * The offline grader's calibrated scale (score-scale.ts), fitted on every graded transcript of
 * ${sets} by \`npm run bench:transcripts -- --write-scale\`. Generated: refit, do
 * not edit. The benchmark's figures come from fits with each question held out, not from this one.
 */
export const FITTED_SCORE_SCALE = ScoreScaleSchema.parse({
  specificityWeight: ${scale.specificityWeight},
  fillerWeight: ${scale.fillerWeight},${scale.fillerCap === undefined ? '' : `\n  fillerCap: ${scale.fillerCap},`}
  certaintyWeight: ${scale.certaintyWeight},
  onTopicAt: ${scale.onTopicAt},
  reachOnTopic: [${scale.reachOnTopic.join(', ')}],
  knots: [
${knots}
  ],
  fittedOn: ${JSON.stringify(scale.fittedOn)},
})
`
  const options = (await resolveConfig(file)) ?? {}
  writeFileSync(file, await format(source, { ...options, filepath: file }))
}
