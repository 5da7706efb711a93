/** Client-side navigation over the History API; the app listens for this event and popstate. */
export const NAVIGATE_EVENT = 'sparring:navigate'

export function navigateTo(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path)
  else window.history.pushState(null, '', path)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
}
