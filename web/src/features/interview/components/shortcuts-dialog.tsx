import { useEffect, useRef } from 'react'
import { INTERVIEW_SHORTCUTS } from '../hooks/interview-shortcuts.js'

/**
 * The interview's keyboard shortcuts in a modal <dialog> (the browser traps focus in it and
 * closes it on Escape); opened with `?` or the button beside the title.
 */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal?.()
    if (!open && dialog.open) dialog.close()
  }, [open])
  return (
    <dialog
      ref={ref}
      className="shortcuts-dialog"
      aria-labelledby="shortcuts-heading"
      onClose={onClose}
    >
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      <table>
        <caption className="visually-hidden">Keys and what they do</caption>
        <tbody>
          {INTERVIEW_SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Single keys work outside the answer box. Tab reaches every button.</p>
      <form method="dialog">
        <button type="submit" className="primary">
          Close
        </button>
      </form>
    </dialog>
  )
}
