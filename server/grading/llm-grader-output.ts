import { z } from 'zod'
import type { Question } from '../questions/question-schema.js'
import { stripModelMarkup } from '../llm/strip-model-markup.js'

/**
 * What the LLM grader must return, in generation order: per criterion the evidence first, then
 * the rationale, what was missing, and only then the score. No overall: that is computed in code.
 */
const LlmCriterionSchema = z.object({
  name: z.string().min(1),
  evidence: z.array(z.object({ turnId: z.string().min(1), quote: z.string().min(1) })),
  rationale: z.string().min(1),
  missing: z.string(),
  score: z.number().min(0).max(10),
  verdict: z.enum(['scored', 'insufficient-evidence']),
})

export const LlmGradeOutputSchema = z.object({
  criteria: z.array(LlmCriterionSchema),
  competencies: z.array(LlmCriterionSchema),
  framework: z.array(
    z.object({ step: z.number().int().positive(), coverage: z.enum(['none', 'partial', 'full']) }),
  ),
  strengths: z.array(z.string().min(1)),
  gaps: z.array(z.string().min(1)),
  nextSteps: z.array(z.string().min(1)).min(3),
})

export type LlmCriterion = z.infer<typeof LlmCriterionSchema>
export type LlmGradeOutput = z.infer<typeof LlmGradeOutputSchema>

/**
 * The JSON Schema sent as `response_format` (strict: every field required, no extras). String
 * length limits are left out: OpenAI's strict mode rejects `minLength`; zod still checks them.
 */
export function graderJsonSchema(): Record<string, unknown> {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(LlmGradeOutputSchema) as Record<
    string,
    unknown
  >
  return withoutKeys(schema, ['minLength', 'maxLength']) as Record<string, unknown>
}

function withoutKeys(value: unknown, keys: string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutKeys(v, keys))
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !keys.includes(k))
      .map(([k, v]) => [k, withoutKeys(v, keys)]),
  )
}

export type ParsedGrade = { ok: true; value: LlmGradeOutput } | { ok: false; errors: string[] }

/**
 * Parses and validates one grader reply: JSON (code fences, prose and reasoning blocks such as
 * DeepSeek-R1's `<think>…</think>` around it tolerated: braces inside the reasoning would
 * otherwise be taken for the JSON), the schema, and the question's own names: every rubric
 * criterion and competency exactly once, framework steps that exist. Names are canonicalised to the question's spelling. The errors are
 * written to be sent back to the model in the repair prompt.
 */
export function parseGraderOutput(text: string, question: Question): ParsedGrade {
  let json: unknown
  try {
    json = JSON.parse(extractJsonObject(stripModelMarkup(text)))
  } catch (error) {
    return { ok: false, errors: [`The reply is not valid JSON: ${(error as Error).message}`] }
  }
  const parsed = LlmGradeOutputSchema.safeParse(json)
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    }
  }
  const errors: string[] = []
  const criteria = matchNames(
    parsed.data.criteria,
    question.rubric.map((r) => r.name),
    'criteria',
    errors,
  )
  const competencies = matchNames(
    parsed.data.competencies,
    question.competencies.map((c) => c.name),
    'competencies',
    errors,
  )
  const steps = new Set(question.framework.steps.map((s) => s.number))
  for (const f of parsed.data.framework) {
    if (!steps.has(f.step)) errors.push(`framework: there is no step ${f.step}`)
  }
  if (errors.length > 0) return { ok: false, errors }
  return {
    ok: true,
    value: { ...parsed.data, criteria, competencies, nextSteps: parsed.data.nextSteps.slice(0, 3) },
  }
}

/** The JSON object in a reply, without the code fences or prose some servers add in JSON mode. */
function extractJsonObject(text: string): string {
  const start = text.indexOf('{')
  const end = text.lastIndexOf('}')
  return start >= 0 && end > start ? text.slice(start, end + 1) : text
}

function matchNames(
  given: LlmCriterion[],
  expected: string[],
  field: string,
  errors: string[],
): LlmCriterion[] {
  const key = (s: string) => s.trim().toLowerCase()
  const byKey = new Map<string, LlmCriterion>()
  for (const item of given) {
    const canonical = expected.find((name) => key(name) === key(item.name))
    if (!canonical) errors.push(`${field}: "${item.name}" is not one of ${quoteList(expected)}`)
    else if (byKey.has(key(canonical))) errors.push(`${field}: "${canonical}" is graded twice`)
    else byKey.set(key(canonical), { ...item, name: canonical })
  }
  const absent = expected.filter((name) => !byKey.has(key(name)))
  if (absent.length > 0) errors.push(`${field}: missing ${quoteList(absent)}`)
  return expected.flatMap((name) => byKey.get(key(name)) ?? [])
}

const quoteList = (names: string[]) => names.map((n) => `"${n}"`).join(', ')
