import { describe, expect, it } from 'vitest'
import { HttpResponse, http } from 'msw'
import { useMswServer } from '../../support/msw-server.js'
import { chatCompletion } from '../../support/sse.js'
import { COMPLETIONS_URL, createTestClient } from './llm-test-kit.js'

const server = useMswServer()

const jsonSchema = {
  type: 'object',
  properties: { score: { type: 'number' } },
  required: ['score'],
  additionalProperties: false,
}
const request = {
  messages: [{ role: 'user' as const, content: 'Grade this.' }],
  schemaName: 'grade',
  jsonSchema,
  temperature: 0,
}

/** A server that rejects json_schema like Ollama or older vLLM, and records every body. */
function serveWithoutJsonSchema(rejection: string) {
  const bodies: Array<Record<string, any>> = []
  server.use(
    http.post(COMPLETIONS_URL, async ({ request: req }) => {
      const body = (await req.json()) as Record<string, any>
      bodies.push(body)
      if (body.response_format?.type === 'json_schema') {
        return HttpResponse.json(
          { error: { message: rejection, type: 'invalid_request_error' } },
          { status: 400 },
        )
      }
      return HttpResponse.json(chatCompletion('{"score": 6}', 'llama3.1:8b'))
    }),
  )
  return bodies
}

describe('OpenAiLlmClient.completeJson', () => {
  it('asks for strict json_schema output at the given temperature', async () => {
    const bodies: Array<Record<string, any>> = []
    server.use(
      http.post(COMPLETIONS_URL, async ({ request: req }) => {
        bodies.push((await req.json()) as Record<string, any>)
        return HttpResponse.json(chatCompletion('{"score": 7}'))
      }),
    )
    const { client } = createTestClient()
    const result = await client.completeJson(request)
    expect(result).toEqual({
      text: '{"score": 7}',
      usage: { promptTokens: 1200, completionTokens: 300 },
      model: 'gpt-4o-mini-2024-07-18',
    })
    expect(bodies[0]).toMatchObject({
      stream: false,
      temperature: 0,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'grade', schema: jsonSchema, strict: true },
      },
    })
    expect(client.jsonMode).toBe('json_schema')
  })

  it('falls back to json_object on a 400 about response_format, and remembers it', async () => {
    const bodies = serveWithoutJsonSchema(
      "response_format type 'json_schema' is not supported by this server",
    )
    const { client } = createTestClient()
    const first = await client.completeJson(request)
    expect(first.text).toBe('{"score": 6}')
    expect(bodies.map((b) => b.response_format.type)).toEqual(['json_schema', 'json_object'])
    const schemaNote = bodies[1]!.messages.at(-1)
    expect(schemaNote.role).toBe('system')
    expect(schemaNote.content).toContain('JSON')
    expect(schemaNote.content).toContain('"additionalProperties":false')

    await client.completeJson(request)
    expect(bodies.map((b) => b.response_format.type)).toEqual([
      'json_schema',
      'json_object',
      'json_object',
    ])
    expect(client.jsonMode).toBe('json_object')
  })

  it('does not fall back on an unrelated 400', async () => {
    const bodies = serveWithoutJsonSchema('model "gpt-5-nano" not found, try pulling it first')
    const { client } = createTestClient()
    await expect(client.completeJson(request)).rejects.toMatchObject({
      code: 'bad_request',
      message: expect.stringContaining('not found'),
    })
    expect(bodies).toHaveLength(1)
    expect(client.jsonMode).toBe('json_schema')
  })

  it('fails an empty reply clearly', async () => {
    server.use(http.post(COMPLETIONS_URL, () => HttpResponse.json(chatCompletion(''))))
    const { client } = createTestClient()
    await expect(client.completeJson(request)).rejects.toMatchObject({
      code: 'empty_reply',
      message: 'The model server returned an empty reply',
    })
  })

  it('learns that a reasoning model takes only the default temperature and max_completion_tokens', async () => {
    const bodies: Array<Record<string, any>> = []
    server.use(
      http.post(COMPLETIONS_URL, async ({ request: req }) => {
        const body = (await req.json()) as Record<string, any>
        bodies.push(body)
        if ('max_tokens' in body) {
          const message =
            "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead."
          return HttpResponse.json(
            { error: { message, type: 'invalid_request_error' } },
            { status: 400 },
          )
        }
        if ('temperature' in body) {
          const message =
            "Unsupported value: 'temperature' does not support 0 with this model. Only the default (1) value is supported."
          return HttpResponse.json(
            { error: { message, type: 'invalid_request_error' } },
            { status: 400 },
          )
        }
        return HttpResponse.json(chatCompletion('{"score": 5}', 'o4-mini-2025-04-16'))
      }),
    )
    const { client } = createTestClient()
    const result = await client.completeJson({ ...request, maxTokens: 2000 })
    expect(result.text).toBe('{"score": 5}')
    expect(bodies.map((b) => [b.temperature, b.max_tokens, b.max_completion_tokens])).toEqual([
      [0, 2000, undefined],
      [0, undefined, 2000],
      [undefined, undefined, 2000],
    ])
    await client.completeJson({ ...request, maxTokens: 2000 })
    expect(bodies).toHaveLength(4)
    expect(bodies[3]).toMatchObject({ max_completion_tokens: 2000 })
    expect(bodies[3]).not.toHaveProperty('temperature')
  })
})

describe('OpenAiLlmClient.completeJson on replies that are not a plain answer', () => {
  const serve = (body: unknown, init?: ResponseInit) =>
    server.use(
      http.post(COMPLETIONS_URL, () =>
        typeof body === 'string'
          ? new HttpResponse(body, { headers: { 'content-type': 'text/html' }, ...init })
          : HttpResponse.json(body as Record<string, unknown>, init),
      ),
    )

  it('strips an inline think block (DeepSeek-R1) before the JSON', async () => {
    serve(chatCompletion('<think>\nMaybe {"score": 2}? No.\n</think>\n{"score": 7}'))
    const { client } = createTestClient()
    const result = await client.completeJson(request)
    expect(JSON.parse(result.text)).toEqual({ score: 7 })
  })

  it("reads a Magistral reply's text parts, never its thinking parts (Mistral)", async () => {
    const completion = chatCompletion('') as {
      choices: Array<{ message: Record<string, unknown> }>
    }
    completion.choices[0]!.message.content = [
      { type: 'thinking', thinking: [{ type: 'text', text: 'Maybe {"score": 2}? No.' }] },
      { type: 'text', text: '{"score": ' },
      { type: 'text', text: '7}' },
    ]
    serve(completion)
    const { client } = createTestClient()
    const result = await client.completeJson(request)
    expect(JSON.parse(result.text)).toEqual({ score: 7 })
  })

  it('never reads reasoning_content or reasoning as the answer', async () => {
    const completion = chatCompletion('') as {
      choices: Array<{ message: Record<string, unknown> }>
    }
    completion.choices[0]!.message.reasoning_content = '{"score": 9}'
    completion.choices[0]!.message.reasoning = '{"score": 9}'
    serve(completion)
    const { client } = createTestClient()
    await expect(client.completeJson(request)).rejects.toMatchObject({
      code: 'empty_reply',
      message: 'The model sent only its reasoning and no answer',
    })
  })

  it.each([
    [
      { detail: 'Not Found' },
      'The model server did not send a chat completion; it reported: Not Found',
    ],
    [
      { object: 'list', data: [] },
      'The model server did not send a chat completion: the reply has no "choices" list (it has object, data)',
    ],
    [
      { id: 'x', object: 'chat.completion', choices: [] },
      'The model server did not send a chat completion: the reply\'s "choices" list is empty',
    ],
    [
      '<html><body>Welcome to nginx!</body></html>',
      'The model server did not send a chat completion: it sent text ("<html><body>Welcome to nginx!</body></html>"); check OPENAI_BASE_URL ends in /v1',
    ],
  ])('says in plain words what came back instead of a completion (%j)', async (body, message) => {
    serve(body)
    const { client } = createTestClient()
    const error = await client.completeJson(request).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'bad_response', message })
    expect((error as Error).message).not.toContain('Cannot read properties')
  })

  it('reports a refusal as such', async () => {
    const completion = chatCompletion('') as {
      choices: Array<{ message: Record<string, unknown> }>
    }
    completion.choices[0]!.message.content = null
    completion.choices[0]!.message.refusal = "I can't help with grading this."
    serve(completion)
    const { client } = createTestClient()
    await expect(client.completeJson(request)).rejects.toMatchObject({
      code: 'empty_reply',
      message: "The model refused to answer: I can't help with grading this.",
    })
  })
})
