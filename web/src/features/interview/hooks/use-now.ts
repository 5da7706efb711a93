import { useEffect, useState } from 'react'
import { useClientDeps } from '../../../shared/api/client-deps.js'

/** The injected clock's time, refreshed every second while `running`. */
export function useNow(running: boolean): number {
  const { now } = useClientDeps()
  const [time, setTime] = useState(now)
  useEffect(() => {
    if (!running) return
    setTime(now())
    const id = setInterval(() => setTime(now()), 1000)
    return () => clearInterval(id)
  }, [now, running])
  return time
}
