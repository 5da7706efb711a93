import { useId, useState, type FormEvent } from 'react'
import type { PublicQuestion } from '../../../shared/contract/question-contract.js'
import type { StartSessionInput } from '../api/library-api.js'

type StartSessionFormProps = {
  question: PublicQuestion
  onStart: (input: StartSessionInput) => void
  busy: boolean
}

/** Mock (with budget and clock) or drill (on one framework step or competency). */
export function StartSessionForm({ question, onStart, busy }: StartSessionFormProps) {
  const id = useId()
  const [mode, setMode] = useState<'mock' | 'drill'>('mock')
  const [focus, setFocus] = useState(`step:${question.framework.steps[0]?.number ?? 1}`)
  const [budget, setBudget] = useState(5)
  const [minutes, setMinutes] = useState(45)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onStart(
      mode === 'mock'
        ? {
            questionId: question.id,
            mode,
            options: { followUpBudget: budget, timeLimitMinutes: minutes },
          }
        : { questionId: question.id, mode, focus },
    )
  }

  return (
    <form className="start-form" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Start</h2>
      <fieldset>
        <legend>Mode</legend>
        <label className="radio">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={mode === 'mock'}
            onChange={() => setMode('mock')}
          />
          Mock interview
        </label>
        <label className="radio">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={mode === 'drill'}
            onChange={() => setMode('drill')}
          />
          Drill one area
        </label>
      </fieldset>
      {mode === 'mock' ? (
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-budget`}>Follow-ups</label>
            <input
              id={`${id}-budget`}
              type="number"
              min={1}
              max={20}
              value={budget}
              onChange={(e) => setBudget(Math.min(20, Math.max(1, Number(e.target.value) || 1)))}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-minutes`}>Minutes</label>
            <input
              id={`${id}-minutes`}
              type="number"
              min={1}
              max={180}
              value={minutes}
              onChange={(e) => setMinutes(Math.min(180, Math.max(1, Number(e.target.value) || 1)))}
            />
          </div>
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-focus`}>Drill on</label>
          <select id={`${id}-focus`} value={focus} onChange={(e) => setFocus(e.target.value)}>
            <optgroup label="Framework steps">
              {question.framework.steps.map((step) => (
                <option key={step.number} value={`step:${step.number}`}>
                  {step.number}. {step.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Competencies">
              {question.competencies.map((c) => (
                <option key={c.name} value={`competency:${c.name}`}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Starting…' : mode === 'mock' ? 'Start mock interview' : 'Start drill'}
      </button>
    </form>
  )
}
