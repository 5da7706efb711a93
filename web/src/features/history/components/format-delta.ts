/** "+1.5", "-0.5" or "±0.0"; empty for no delta. */
export function formatDelta(delta: number | null): string {
  if (delta === null) return ''
  if (delta === 0) return '±0.0'
  return `${delta > 0 ? '+' : '−'}${Math.abs(delta).toFixed(1)}`
}

export const deltaClass = (delta: number | null) =>
  delta === null || delta === 0 ? 'change' : delta > 0 ? 'change change-up' : 'change change-down'
