/**
 * A score out of 10 as text and a bar; the bar is decoration, the text carries the value.
 * `showValue={false}` where the score is already printed beside it (the overall card).
 */
export function ScoreBar({
  score,
  label,
  showValue = true,
}: {
  score: number
  label: string
  showValue?: boolean
}) {
  const percent = Math.max(0, Math.min(100, score * 10))
  const band = score >= 7 ? 'good' : score >= 4 ? 'fair' : 'weak'
  return (
    <div className="score-bar">
      {showValue ? (
        <span className="score-value">
          <span className="visually-hidden">{label}: </span>
          {score.toFixed(1)} / 10
        </span>
      ) : null}
      <span className="bar-track" aria-hidden="true">
        <span
          className={`bar-fill bar-${band}`}
          style={{ width: `${percent}%` }}
          data-testid="bar-fill"
        />
      </span>
    </div>
  )
}
