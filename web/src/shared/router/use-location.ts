import { useSyncExternalStore } from 'react'
import { NAVIGATE_EVENT } from './navigate.js'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE_EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE_EVENT, onChange)
  }
}

const readLocation = () => window.location.pathname + window.location.search

/** The current path and query, re-rendering on every navigation. */
export function useLocation(): { pathname: string; search: string } {
  const href = useSyncExternalStore(subscribe, readLocation, () => '/')
  const url = new URL(href, 'http://local')
  return { pathname: url.pathname, search: url.search }
}
