import type { StepCoverage } from '../../../shared/contract/session-contract.js'

const coverageText: Record<StepCoverage['coverage'], string> = {
  full: 'Covered',
  partial: 'Partly covered',
  none: 'Missed',
}

/** Which steps of the question's framework the answers covered. */
export function FrameworkCoverage({ steps }: { steps: StepCoverage[] }) {
  return (
    <section className="coverage" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">Framework steps</h2>
      <ol className="coverage-list">
        {steps.map((s) => (
          <li key={s.step} className={`coverage-${s.coverage}`}>
            <span className="coverage-badge">{coverageText[s.coverage]}</span> {s.step}. {s.name}
          </li>
        ))}
      </ol>
    </section>
  )
}
