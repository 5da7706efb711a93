/**
 * Moves focus to a turn of the chat (screen readers read it out) without scrolling: the
 * transcript scrolls the newest turn into view itself.
 */
export function focusTurn(turnId: string, root: Document = document): boolean {
  const element = root.querySelector<HTMLElement>(`[data-turn-id="${CSS.escape(turnId)}"]`)
  if (!element) return false
  element.focus({ preventScroll: true })
  return true
}

/**
 * Whether a new follow-up may take focus: not while the candidate is writing (a draft in the
 * box), nor from another field or an open dialog.
 */
export function mayTakeFocus(active: Element | null, draftEmpty: boolean): boolean {
  if (!active || active === document.body || active.tagName === 'MAIN') return true
  if (active.closest('dialog[open], [role="alertdialog"]')) return false
  if (active.tagName === 'TEXTAREA') return draftEmpty
  if (/^(INPUT|SELECT)$/.test(active.tagName)) return false
  return active.closest('.interview') !== null
}
