import type { Turn } from '../contract/session-contract.js'

/**
 * What a skip turn skipped, in words: the interviewer turn just before it says whether it was
 * the opening question or a follow-up (a skip at the very start skips the question too).
 */
export function describeSkip(turns: Turn[], skip: Turn): string {
  const asked = turns.filter((t) => t.role === 'interviewer' && t.seq < skip.seq).at(-1)
  if (!asked || asked.kind === 'question') return 'Skipped the opening question.'
  if (asked.kind === 'clarification') return 'Skipped the question.'
  return 'Skipped this follow-up.'
}
