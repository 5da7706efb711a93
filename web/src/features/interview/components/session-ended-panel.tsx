import type { EndReason } from '../hooks/interview-reducer.js'

const reasonText: Record<EndReason, string> = {
  candidate: 'You ended the interview.',
  budget: 'The interviewer has asked all the follow-ups planned.',
  time: 'Time is up.',
}

/** Shown once the session is over: the next step is grading and the review. */
export function SessionEndedPanel({
  reason,
  onGrade,
}: {
  reason: EndReason | null
  onGrade: () => void
}) {
  return (
    <section className="ended-panel" aria-labelledby="ended-heading">
      <h2 id="ended-heading">Interview over</h2>
      <p>{reason ? reasonText[reason] : 'This session has ended.'}</p>
      <button type="button" className="primary" onClick={onGrade}>
        Grade and review
      </button>
    </section>
  )
}
