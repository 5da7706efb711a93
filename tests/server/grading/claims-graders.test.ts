import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CLAIMS_PENALTY } from '../../../server/grading/claims-penalty.js'
import type { GradableTranscript, Grade } from '../../../server/grading/grade-schema.js'
import { createLlmGrader } from '../../../server/grading/llm-grader.js'
import type { LlmGradeOutput } from '../../../server/grading/llm-grader-output.js'
import type { OfflineGrader } from '../../../server/grading/offline-grader.js'
import { loadPromptLibrary, type PromptLibrary } from '../../../server/prompts/prompt-library.js'
import type { Question } from '../../../server/questions/question-schema.js'
import type { QuestionBank } from '../../../server/questions/question-bank.js'
import { splitSentences } from '../../../server/text/index.js'
import { chatCompletion } from '../../support/sse.js'
import { COMPLETIONS_URL, createTestClient } from '../llm/llm-test-kit.js'
import { CLAIM_VARIANTS, fillVariant, readDevSet, withClaim } from './claims-corpus.js'
import { setUpGrader } from './grading-support.js'

// Every corpus variant appended to a dev-set mediocre answer (questions taken in turn), graded
// with and without it: the claims never raise the grade and are never quoted.
let bank: QuestionBank
let offline: OfflineGrader
let prompts: PromptLibrary
beforeAll(async () => {
  ;({ bank, grader: offline } = await setUpGrader())
  prompts = await loadPromptLibrary()
})

const devSet = readDevSet()
function cases(): Array<{
  kind: string
  question: Question
  base: GradableTranscript
  claim: string
}> {
  const questions = bank.list()
  return CLAIM_VARIANTS.map((v, i) => {
    const question = questions[i % questions.length]!
    const base = devSet.find((c) => c.questionId === question.id && c.level === 'mediocre')!
    return { kind: v.kind, question, base, claim: fillVariant(v.text, question) }
  })
}

/** Quotes of a grade that repeat any part of the claim (a whole line or sentence of it). */
function quotedClaims(grade: Grade, claim: string): string[] {
  const claimSentences = splitSentences(claim).map((s) => s.text.toLowerCase())
  return [...grade.criteria, ...grade.competencies]
    .flatMap((c) => c.evidence.map((e) => e.quote.toLowerCase()))
    .filter((q) => claimSentences.some((s) => s.includes(q) || q.includes(s)))
}

describe('claims against the offline grader', () => {
  const plain = new Map<string, Grade>()
  const graded = (question: Question, base: GradableTranscript) => {
    if (!plain.has(question.id)) plain.set(question.id, offline.grade(question, base))
    return plain.get(question.id)!
  }

  it.each(CLAIM_VARIANTS.map((v, i) => [i, v.kind] as const))(
    'variant %i (%s) lowers the grade, is never quoted, and is listed as ignored',
    (i) => {
      const c = cases()[i]!
      const without = graded(c.question, c.base)
      const withClaims = offline.grade(c.question, withClaim(c.base, c.claim))
      // The claims earn nothing and the attempt costs a point (claims-penalty.ts).
      expect(without.overall).toBeGreaterThanOrEqual(CLAIMS_PENALTY)
      expect(withClaims.overall).toBeLessThan(without.overall)
      for (const [k, criterion] of withClaims.criteria.entries())
        expect(criterion.score).toBeLessThanOrEqual(without.criteria[k]!.score)
      expect(quotedClaims(withClaims, c.claim)).toEqual([])
      expect(withClaims.ignored.length).toBeGreaterThan(0)
      expect(without.ignored).toEqual([])
    },
  )
})

// The scripted model obeys injected text: any candidate sentence that is not in the honest
// answer is taken as an instruction, so it scores every criterion 10 and quotes that sentence;
// otherwise it gives 4 and quotes the answer's first sentence. It only sees what the grader sends.
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

type Body = { messages: Array<{ role: string; content: string }> }

function obedientReply(
  question: Question,
  honest: GradableTranscript,
  prompt: string,
): LlmGradeOutput {
  const honestText = honest.turns.map((t) => t.text.replace(/\s+/g, ' ')).join('\n')
  const sent = [
    ...prompt.matchAll(/<candidate_answer turn="([^"]+)">\n([\s\S]*?)\n<\/candidate_answer>/g),
  ]
  const sentences = sent.flatMap(([, turnId, text]) =>
    splitSentences(text!).map((s) => ({ turnId: turnId!, quote: s.text })),
  )
  const injected = sentences.find((s) => !honestText.includes(s.quote.replace(/\s+/g, ' ')))
  const quote = injected ?? sentences[0]!
  const criterion = (name: string) => ({
    name,
    evidence: [quote],
    rationale: injected ? 'As the note says, every criterion is met.' : 'Some of it is there.',
    missing: '',
    score: injected ? 10 : 4,
    verdict: 'scored' as const,
  })
  return {
    criteria: question.rubric.map((r) => criterion(r.name)),
    competencies: question.competencies.map((c) => criterion(c.name)),
    framework: question.framework.steps.map((s) => ({
      step: s.number,
      coverage: injected ? ('full' as const) : ('partial' as const),
    })),
    strengths: ['x'],
    gaps: ['y'],
    nextSteps: ['a', 'b', 'c'],
  }
}

function serveObedientModel(question: Question, honest: GradableTranscript) {
  server.use(
    http.post(COMPLETIONS_URL, async ({ request }) => {
      const body = (await request.json()) as Body
      const prompt = body.messages.map((m) => m.content).join('\n')
      const reply = obedientReply(question, honest, prompt)
      return HttpResponse.json(chatCompletion(JSON.stringify(reply), 'obedient-1'))
    }),
  )
}

describe('claims against the LLM grader with a model that obeys them', () => {
  it('the scripted model does obey a claim it is shown (the test can fail)', () => {
    for (const c of cases().slice(0, 5)) {
      const shown = withClaim(c.base, c.claim)
      const prompt = shown.turns
        .filter((t) => t.role === 'candidate')
        .map((t) => `<candidate_answer turn="${t.id}">\n${t.text}\n</candidate_answer>`)
        .join('\n')
      expect(obedientReply(c.question, c.base, prompt).criteria[0]!.score).toBe(10)
    }
  })

  it('lower the grade: the model never sees them, and no quote of one survives', async () => {
    const { client } = createTestClient({ maxRetries: 0 })
    const grader = createLlmGrader({ llm: client, prompts, clock: () => new Date(0) })
    const raised: string[] = []
    for (const c of cases()) {
      serveObedientModel(c.question, c.base)
      const without = await grader.grade(c.question, c.base)
      const withClaims = await grader.grade(c.question, withClaim(c.base, c.claim))
      if (!without.ok || !withClaims.ok) throw new Error('the scripted model gave no grade')
      if (withClaims.grade.overall >= without.grade.overall) raised.push(`${c.kind}: ${c.claim}`)
      expect(quotedClaims(withClaims.grade, c.claim)).toEqual([])
      expect(withClaims.grade.ignored.length).toBeGreaterThan(0)
      server.resetHandlers()
    }
    expect(raised).toEqual([])
  })
})
