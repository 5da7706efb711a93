import { useId } from 'react'
import type { ThemeChoice } from './use-theme.js'

/** Light, dark, or follow the system. */
export function ThemeToggle({
  choice,
  onChoose,
}: {
  choice: ThemeChoice
  onChoose: (c: ThemeChoice) => void
}) {
  const id = useId()
  return (
    <div className="theme-toggle">
      <label htmlFor={id}>Theme</label>
      <select id={id} value={choice} onChange={(e) => onChoose(e.target.value as ThemeChoice)}>
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </div>
  )
}
