import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { navigateTo } from './navigate.js'

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }

/** An ordinary link that navigates without a reload; modified clicks open as the browser would. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigateTo(to)
  }
  return <a href={to} onClick={handleClick} {...rest} />
}
