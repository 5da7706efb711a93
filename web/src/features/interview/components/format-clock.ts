/** `m:ss` (or `h:mm:ss`) for a duration in milliseconds; negative durations count as zero. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`
}

/** What the interview clock shows: time left when there is a limit, else time elapsed. */
export function describeClock(
  startedAt: number,
  now: number,
  limitMinutes: number | null,
): { label: string; text: string; overtime: boolean } {
  const elapsed = now - startedAt
  if (limitMinutes === null)
    return { label: 'Elapsed', text: formatDuration(elapsed), overtime: false }
  const left = limitMinutes * 60_000 - elapsed
  return { label: 'Time left', text: formatDuration(left), overtime: left <= 0 }
}
