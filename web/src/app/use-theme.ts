import { useCallback, useEffect, useState } from 'react'

export type ThemeChoice = 'system' | 'light' | 'dark'
/** index.html reads the same key before first paint; keep the two in step. */
const THEME_KEY = 'sparring:theme'

function readChoice(storage: Pick<Storage, 'getItem'> | null): ThemeChoice {
  const value = storage?.getItem(THEME_KEY)
  return value === 'light' || value === 'dark' ? value : 'system'
}

/**
 * The theme: the system's (prefers-color-scheme) unless the toggle chose one. Applied as
 * `data-theme` on <html>; index.html applies the saved choice before first paint.
 */
export function useTheme(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null) {
  const [choice, setChoice] = useState<ThemeChoice>(() => readChoice(storage))
  useEffect(() => {
    const root = document.documentElement
    if (choice === 'system') delete root.dataset.theme
    else root.dataset.theme = choice
  }, [choice])
  const choose = useCallback(
    (next: ThemeChoice) => {
      setChoice(next)
      try {
        if (next === 'system') storage?.removeItem(THEME_KEY)
        else storage?.setItem(THEME_KEY, next)
      } catch {
        // The theme still applies for this visit.
      }
    },
    [storage],
  )
  return { choice, choose }
}
