/**
 * Scrolls to an evidence quote and moves focus to it, so keyboard and screen-reader users land
 * there too. A quote marked under another criterion has no anchor of its own: its turn is used.
 */
export function jumpToQuote(anchorId: string, turnId: string, root: Document = document): boolean {
  const target = root.getElementById(anchorId) ?? root.getElementById(`turn-${turnId}`)
  if (!target) return false
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
  if (typeof target.scrollIntoView === 'function')
    target.scrollIntoView({ block: 'center', behavior: 'smooth' })
  target.focus({ preventScroll: true })
  target.classList.add('flash')
  setTimeout(() => target.classList.remove('flash'), 1600)
  return true
}
