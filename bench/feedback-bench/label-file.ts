import type { CaseLabels } from './score-feedback.js'

/**
 * Reads bench/feedback-labels.txt: per transcript a `# case <id>` line, then one label a line,
 * tab-separated, each with a one-line justification:
 *   p   yes|partly|no            <point text>   <why>   a model-answer point or key principle made?
 *   st  <step number>            full|partial|none <why>
 *   s   <sentence index>         <criteria numbers "1,3" or "-">  <why>  (index in the candidate's
 *                                 sentences, listCandidateSentences order; criteria 1-based, rubric order)
 *   sc  <sentence index>         <competency numbers or "-">  <why>  the same for the question's
 *                                 competencies (1-based, question order); only some cases have them
 *   a   <advice key>             true|false  <why>  a generic next step this answer needs?
 */
export function parseLabelFile(
  text: string,
  criteriaOf: (caseId: string) => readonly string[],
  sentencesOf: (caseId: string) => readonly string[],
  competenciesOf: (caseId: string) => readonly string[] = () => [],
): Record<string, CaseLabels> {
  const out: Record<string, CaseLabels> = {}
  let id = ''
  let cur: CaseLabels = {}
  text.split('\n').forEach((raw, n) => {
    const line = raw.trimEnd()
    if (!line) return
    const head = /^# case (\S+)/.exec(line)
    if (head) {
      id = head[1]!
      cur = out[id] ??= {}
      return
    }
    if (line.startsWith('#')) return
    const [kind, a, b, c] = line.split(/\t| \| /)
    const fail = (why: string) => {
      throw new Error(`feedback-labels.txt line ${n + 1}: ${why}: ${line}`)
    }
    if (!id) fail('label before any "# case"')
    if (kind === 'p') {
      if (a !== 'yes' && a !== 'partly' && a !== 'no') fail('point label must be yes|partly|no')
      ;(cur.points ??= {})[b!] = [a as 'yes', c ?? '']
    } else if (kind === 'st') {
      if (b !== 'full' && b !== 'partial' && b !== 'none')
        fail('step label must be full|partial|none')
      ;(cur.steps ??= {})[a!] = [b as 'full', c ?? '']
    } else if (kind === 's' || kind === 'sc') {
      const sentence = sentencesOf(id)[Number(a)]
      if (sentence === undefined) fail('no such sentence')
      const names = kind === 's' ? criteriaOf(id) : competenciesOf(id)
      const about =
        b === '-' ? [] : b!.split(',').map((k) => names[Number(k) - 1] ?? fail('no such criterion'))
      const into = kind === 's' ? (cur.sentences ??= {}) : (cur.competencySentences ??= {})
      into[sentence!.slice(0, 60)] = [about as string[], c ?? '']
    } else if (kind === 'a') {
      if (b !== 'true' && b !== 'false') fail('advice label must be true|false')
      ;(cur.advice ??= {})[a!] = [b === 'true', c ?? '']
    } else fail('unknown label kind')
  })
  return out
}
