/** A score out of 10 as text and a bar; the bar is decoration, the text carries the value. */
export function ScoreBar({ score, label }: { score: number; label: string }) {
  const percent = Math.max(0, Math.min(100, score * 10))
  const band = score >= 7 ? 'good' : score >= 4 ? 'fair' : 'weak'
  return (
    <div className="score-bar">
      <span className="score-value">
        <span className="visually-hidden">{label}: </span>
        {score.toFixed(1)} / 10
      </span>
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
