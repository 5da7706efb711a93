/**
 * Scrolls the window so `turn` shows between the sticky status bar (top) and the sticky answer
 * box (bottom), which cover the viewport's edges: scrollIntoView alone counts a turn under the
 * answer box as visible. A turn that fits is shown whole, its end just above the answer box; a
 * longer one from its top, so the question's first line is never hidden.
 */
export function revealTurn(turn: HTMLElement, root: Document = document): void {
  const view = root.defaultView
  if (!view) return
  const top = root.querySelector('.status-bar')?.getBoundingClientRect().bottom ?? 0
  const answerTop = root.querySelector('.answer-box')?.getBoundingClientRect().top
  const bottom = Math.min(view.innerHeight, answerTop ?? view.innerHeight)
  const box = turn.getBoundingClientRect()
  const gap = 8
  let delta = 0
  if (box.height > bottom - top - 2 * gap) delta = box.top - (top + gap)
  else if (box.bottom > bottom - gap) delta = box.bottom - (bottom - gap)
  else if (box.top < top + gap) delta = box.top - (top + gap)
  if (Math.abs(delta) >= 1) view.scrollBy({ top: delta, behavior: 'instant' as ScrollBehavior })
}
