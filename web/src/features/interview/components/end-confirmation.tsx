import { useEffect, useRef, type KeyboardEvent } from 'react'

type EndConfirmationProps = {
  mode: 'mock' | 'drill'
  onConfirm: () => void
  onCancel: () => void
}

/**
 * "End interview" asks first: ending cannot be undone (no more answers), so one stray click must
 * not do it. Focus lands on "Keep going", the safe choice; Escape keeps going too.
 */
export function EndConfirmation({ mode, onConfirm, onCancel }: EndConfirmationProps) {
  const keepRef = useRef<HTMLButtonElement>(null)
  useEffect(() => keepRef.current?.focus(), [])
  const what = mode === 'drill' ? 'drill' : 'interview'
  const keyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    event.stopPropagation()
    onCancel()
  }
  return (
    <div
      className="end-confirmation"
      role="alertdialog"
      aria-labelledby="end-confirmation-text"
      onKeyDown={keyDown}
    >
      <p id="end-confirmation-text">
        End the {what} now? You cannot answer after that; the review opens next.
      </p>
      <button type="button" className="danger" onClick={onConfirm}>
        End now
      </button>
      <button type="button" ref={keepRef} onClick={onCancel}>
        Keep going
      </button>
    </div>
  )
}
