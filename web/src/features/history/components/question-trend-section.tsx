import { lazy, Suspense, useId, useMemo, useState } from 'react'
import { buildChartData } from '../hooks/chart-series.js'
import type { HistoryAttempt } from '../hooks/history-attempt.js'
import { buildQuestionTrend, listTrendQuestions } from '../hooks/question-trend.js'
import { chartColor } from './chart-colors.js'
import { deltaClass, formatDelta } from './format-delta.js'

const ScoreChart = lazy(() => import('./score-chart.js'))

/**
 * One question at a time: its attempts over time (chart), and a table that is also the chart's
 * legend: every line with its colour, each attempt's score and the change from the one before.
 */
export function QuestionTrendSection({ attempts }: { attempts: HistoryAttempt[] }) {
  const id = useId()
  const questions = useMemo(() => listTrendQuestions(attempts), [attempts])
  const [chosen, setChosen] = useState<string | null>(null)
  const questionId = chosen ?? questions[0]?.questionId ?? null
  const trend = useMemo(
    () => (questionId ? buildQuestionTrend(attempts, questionId) : null),
    [attempts, questionId],
  )
  const chart = useMemo(() => (trend ? buildChartData(trend) : null), [trend])
  if (!trend || !chart) return null
  return (
    <section className="history-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Per question</h2>
      <div className="field">
        <label htmlFor={`${id}-question`}>Question</label>
        <select
          id={`${id}-question`}
          value={trend.questionId}
          onChange={(e) => setChosen(e.target.value)}
        >
          {questions.map((q) => (
            <option key={q.questionId} value={q.questionId}>
              {q.questionTitle} ({q.count} {q.count === 1 ? 'attempt' : 'attempts'})
            </option>
          ))}
        </select>
      </div>
      <figure className="chart-figure">
        <figcaption>
          {trend.questionTitle}: the overall score and each rubric criterion, attempt by attempt
        </figcaption>
        <Suspense fallback={<div className="score-chart chart-placeholder" />}>
          <ScoreChart data={chart} />
        </Suspense>
      </figure>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Scores per attempt">
        <table className="trend-table">
          <caption className="visually-hidden">
            Scores per attempt of {trend.questionTitle}, with the change from the attempt before
          </caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              {trend.attempts.map((a, i) => (
                <th scope="col" key={a.sessionId}>
                  Attempt {i + 1}
                  <span className="muted trend-date">{new Date(a.at).toLocaleDateString()}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="chart-legend">
            {trend.rows.map((row, ri) => (
              <tr key={row.name}>
                <th scope="row">
                  <span
                    className="legend-swatch"
                    style={{ background: chartColor(ri) }}
                    aria-hidden="true"
                  />
                  {row.name}
                </th>
                {row.scores.map((score, ai) => (
                  <td key={trend.attempts[ai]!.sessionId}>
                    {score === null ? 'not scored' : score.toFixed(1)}{' '}
                    {row.deltas[ai] !== null ? (
                      <span className={deltaClass(row.deltas[ai]!)}>
                        {formatDelta(row.deltas[ai]!)}
                      </span>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
