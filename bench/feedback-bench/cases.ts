import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { GradableTranscript } from '../../server/grading/grade-schema.js'

/**
 * The feedback set: the dev set's excellent-own-words and mediocre transcripts of every
 * question, and the strong transcripts of bench/transcripts-feedback/ written for this set.
 * Thresholds of the feedback were chosen looking at the tuning questions only (numbers 1-7);
 * figures are reported for the others (8-15) as held out.
 */
export type FeedbackCase = {
  id: string
  level: string
  split: 'tune' | 'held-out'
  transcript: GradableTranscript
}

export const FEEDBACK_LEVELS = ['excellent-own-words', 'mediocre'] as const

/** Question numbers (questions/NN-*.md) whose feedback was looked at while tuning. */
const TUNING_NUMBERS = new Set([1, 2, 3, 4, 5, 6, 7])

export async function loadFeedbackCases(repo: string): Promise<FeedbackCase[]> {
  const numbers = new Map<string, number>()
  for (const f of await readdir(join(repo, 'questions'))) {
    const m = /^(\d+)-(.*)\.md$/.exec(f)
    if (m) numbers.set(m[2]!, Number(m[1]))
  }
  const split = (questionId: string) =>
    TUNING_NUMBERS.has(numbers.get(questionId) ?? 0) ? ('tune' as const) : ('held-out' as const)
  const cases: FeedbackCase[] = []
  const dev = join(repo, 'bench/transcripts')
  for (const q of (await readdir(dev)).sort())
    for (const level of FEEDBACK_LEVELS) {
      const raw = JSON.parse(await readFile(join(dev, q, `${level}.json`), 'utf8'))
      cases.push({
        id: `${q}/${level}`,
        level,
        split: split(raw.questionId),
        transcript: { questionId: raw.questionId, turns: raw.turns },
      })
    }
  const own = join(repo, 'bench/transcripts-feedback')
  for (const f of (await readdir(own)).filter((f) => f.endsWith('.json')).sort()) {
    const raw = JSON.parse(await readFile(join(own, f), 'utf8'))
    cases.push({
      id: `feedback/${f.replace(/\.json$/, '')}`,
      level: 'strong-new',
      split: split(raw.questionId),
      transcript: { questionId: raw.questionId, turns: raw.turns },
    })
  }
  return cases
}
