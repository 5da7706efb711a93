import type { Grade } from '../../../shared/contract/session-contract.js'

type IgnoredClaimsProps = { ignored: Grade['ignored'] }

/**
 * What the grader left out because it spoke to the grader instead of answering (a score, "all
 * criteria are met", a note to the examiner): shown verbatim so the candidate sees why it earned
 * nothing. Nothing is shown when there was none.
 */
export function IgnoredClaims({ ignored }: IgnoredClaimsProps) {
  if (ignored.length === 0) return null
  return (
    <section className="ignored-claims" aria-labelledby="ignored-heading">
      <h2 id="ignored-heading">Ignored</h2>
      <p className="muted">
        {ignored.length === 1 ? 'This passage was' : `These ${ignored.length} passages were`}{' '}
        addressed to the grader (claiming a score, or that criteria are met) instead of answering
        the question. The grader left {ignored.length === 1 ? 'it' : 'them'} out: claims earn
        nothing and are never used as evidence.
      </p>
      <ul className="ignored-list">
        {ignored.map((claim, i) => (
          <li key={`${claim.turnId}-${i}`}>
            <blockquote>{claim.text}</blockquote>
          </li>
        ))}
      </ul>
    </section>
  )
}
