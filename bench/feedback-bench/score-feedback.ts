import type { FeedbackLine } from './feedback-lines.js'
import { notReached, sentenceKey } from './feedback-lines.js'

type Why = string
/** Labels for one transcript, each with a one-line justification, set by reading the transcript. */
export type CaseLabels = {
  /** A model-answer point, key principle or step point: did the candidate make it? */
  points?: Record<string, ['yes' | 'partly' | 'no', Why]>
  /** What a framework step's coverage really is, by reading the answer against the step. */
  steps?: Record<string, ['full' | 'partial' | 'none', Why]>
  /** Which rubric criteria a candidate sentence (keyed by its first 60 characters) is about. */
  sentences?: Record<string, [string[], Why]>
  /** The same for the question's competencies (labelled on some cases only). */
  competencySentences?: Record<string, [string[], Why]>
  /** A generic next step (keyed by adviceKey): true when it is advice this answer needs. */
  advice?: Record<string, [boolean, Why]>
}

/** The outcome of one line against the labels: false/off, true, or not labelled yet. */
export type Verdict = { ok: boolean; weak?: boolean } | { unlabelled: string }

/** A generic next step's key: its opening words, stable across wording tweaks after them. */
export const adviceKey = (text: string) =>
  text.split(/[:.(]/)[0]!.split(/\s+/).slice(0, 3).join(' ').toLowerCase()

export function judge(line: FeedbackLine, labels: CaseLabels): Verdict {
  const point = (p: string) => labels.points?.[p]?.[0]
  switch (line.kind) {
    case 'covered': {
      const l = point(line.point)
      if (!l) return { unlabelled: `point: ${line.point}` }
      return { ok: l !== 'no', weak: l === 'partly' }
    }
    case 'missing': {
      const l = point(line.point)
      if (!l) return { unlabelled: `point: ${line.point}` }
      return { ok: l !== 'yes' }
    }
    case 'step': {
      const l = labels.steps?.[String(line.step)]?.[0]
      if (!l) return { unlabelled: `step: ${line.step}` }
      return { ok: l === line.coverage }
    }
    case 'quote':
    case 'competency-quote': {
      const table = line.kind === 'quote' ? labels.sentences : labels.competencySentences
      const l = table?.[sentenceKey(line.sentence)]?.[0]
      if (!l) return { unlabelled: `sentence: ${sentenceKey(line.sentence)}` }
      return { ok: l.includes(line.criterion) }
    }
    case 'next': {
      const t = line.text
      const step = /^(Finish|Cover) framework step (\d+)/.exec(t)
      if (step) {
        const l = labels.steps?.[step[2]!]?.[0]
        if (!l) return { unlabelled: `step: ${step[2]}` }
        if (step[1] === 'Cover') return { ok: l === 'none' }
        if (l === 'full') return { ok: false }
      }
      const principle = /^Keep to this principle: (.*)\.$/.exec(t)
      if (principle) {
        const l = point(principle[1]!)
        if (!l) return { unlabelled: `point: ${principle[1]}` }
        return { ok: l !== 'yes' }
      }
      const points = notReached(t)
      if (points.length > 0) {
        const ls = points.map(point)
        const missing = points.find((_, i) => !ls[i])
        if (missing) return { unlabelled: `point: ${missing}` }
        return { ok: !ls.includes('yes') }
      }
      if (step) return { ok: true }
      const key = adviceKey(t)
      const l = labels.advice?.[key]?.[0]
      if (l === undefined) return { unlabelled: `advice: ${key}` }
      return { ok: l }
    }
  }
}
