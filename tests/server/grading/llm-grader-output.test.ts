import { describe, expect, it } from 'vitest'
import { graderJsonSchema, parseGraderOutput } from '../../../server/grading/llm-grader-output.js'
import { makeSampleQuestion } from '../../support/sample-question.js'
import { gradeReply } from './llm-grader-kit.js'

const question = makeSampleQuestion()

describe('parseGraderOutput', () => {
  it('accepts a valid reply wrapped in prose and fences, canonicalising names', () => {
    const reply = gradeReply()
    reply.criteria[0]!.name = '  root CAUSE '
    const parsed = parseGraderOutput(
      `Here you go:\n\`\`\`json\n${JSON.stringify(reply)}\n\`\`\``,
      question,
    )
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    expect(parsed.value.criteria.map((c) => c.name)).toEqual(['Root cause', 'Idempotency'])
  })

  it('lists unknown, duplicated and missing names and unknown steps', () => {
    const reply = gradeReply()
    reply.criteria = [
      reply.criteria[0]!,
      reply.criteria[0]!,
      { ...reply.criteria[1]!, name: 'Style' },
    ]
    reply.framework.push({ step: 9, coverage: 'full' })
    const parsed = parseGraderOutput(JSON.stringify(reply), question)
    expect(parsed).toEqual({
      ok: false,
      errors: [
        'criteria: "Root cause" is graded twice',
        'criteria: "Style" is not one of "Root cause", "Idempotency"',
        'criteria: missing "Idempotency"',
        'framework: there is no step 9',
      ],
    })
  })

  it('keeps three next steps and rejects fewer', () => {
    const reply = { ...gradeReply(), nextSteps: ['a', 'b', 'c', 'd'] }
    const parsed = parseGraderOutput(JSON.stringify(reply), question)
    expect(parsed.ok && parsed.value.nextSteps).toEqual(['a', 'b', 'c'])
    const short = parseGraderOutput(JSON.stringify({ ...reply, nextSteps: ['a'] }), question)
    expect(short.ok).toBe(false)
  })

  it('reads the JSON after a reasoning block whose braces would confuse the extraction', () => {
    const reply = gradeReply()
    const text = `<think>The JSON shape is {"criteria": [...]}; fill it in.</think>\n${JSON.stringify(reply)}`
    const parsed = parseGraderOutput(text, question)
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    expect(parsed.value.criteria).toHaveLength(2)
  })

  it('reports JSON syntax errors', () => {
    const parsed = parseGraderOutput('{"criteria": [', question)
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.errors[0]).toMatch(/^The reply is not valid JSON/)
  })
})

describe('graderJsonSchema', () => {
  it('is a strict object schema without $schema, every field required', () => {
    const schema = graderJsonSchema() as any
    expect(schema.$schema).toBeUndefined()
    expect(JSON.stringify(schema)).not.toMatch(/minLength|maxLength/)
    expect(schema.additionalProperties).toBe(false)
    expect(schema.required).toEqual([
      'criteria',
      'competencies',
      'framework',
      'strengths',
      'gaps',
      'nextSteps',
    ])
    expect(schema.properties.criteria.items.required).toEqual([
      'name',
      'evidence',
      'rationale',
      'missing',
      'score',
      'verdict',
    ])
  })
})
