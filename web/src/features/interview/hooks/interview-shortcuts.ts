import { useEffect, useRef } from 'react'

/** One shortcut of the interview screen, as the `?` list shows it. */
export type Shortcut = { keys: string; action: string }

/** Every key the interview screen answers to: the `?` list and the handler read this one table. */
export const INTERVIEW_SHORTCUTS: Shortcut[] = [
  { keys: 'Ctrl+Enter (⌘+Enter)', action: 'Send the answer' },
  { keys: 'Ctrl+Shift+Enter', action: 'Send it as a clarifying question (mock interview)' },
  { keys: 'Escape', action: 'Leave the answer box, to the newest question' },
  { keys: 'a', action: 'Go to the answer box' },
  { keys: 'q', action: 'Go to the newest question' },
  { keys: 'p', action: 'Preview the answer as Markdown, or back to editing' },
  { keys: 's', action: 'Skip the question' },
  { keys: 'e', action: 'End the interview (asks first)' },
  { keys: '?', action: 'Show this list' },
]

export type ShortcutActions = {
  answer: () => void
  question: () => void
  preview: () => void
  skip: () => void
  end: () => void
  help: () => void
}

const KEYS: Record<string, keyof ShortcutActions> = {
  a: 'answer',
  q: 'question',
  p: 'preview',
  s: 'skip',
  e: 'end',
  '?': 'help',
}

/** True where a key is text being typed (a field) or belongs to an open dialog. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.closest('dialog[open], [role="alertdialog"]')) return true
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)
}

/**
 * The single-key shortcuts of the interview screen (a, q, p, s, e, ?). They act only outside
 * text fields and dialogs, and never with Ctrl, Alt or Meta, so typing and the browser's own
 * shortcuts are untouched.
 */
export function useInterviewShortcuts(actions: ShortcutActions): void {
  const latest = useRef(actions)
  latest.current = actions
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return
      if (isTyping(event.target)) return
      const action = KEYS[event.key]
      if (!action) return
      event.preventDefault()
      latest.current[action]()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
