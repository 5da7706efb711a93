import { describe, expect, it } from 'vitest'
import { createRedactor, redactSecrets } from '../../../server/llm/redact-secrets.js'

describe('redactSecrets', () => {
  it.each([
    [
      'an OpenAI project key',
      'Incorrect API key provided: sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12',
      'sk-proj-Ab12',
    ],
    ['an OpenRouter key', 'bad key sk-or-v1-0123456789abcdef0123456789abcdef', 'sk-or-v1-0123'],
    ['a Groq key', 'Invalid API Key gsk_abcdefghijklmnopqrstuvwx12', 'gsk_abcdefgh'],
    ['a bearer token', 'header was Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x', 'eyJhbGci'],
    [
      'credentials in a URL',
      'connect ECONNREFUSED http://bob:hunter22@proxy.local:3128/',
      'hunter22',
    ],
    ['an api-key header', 'api-key: 9f8e7d6c5b4a39281706 rejected', '9f8e7d6c5b4a'],
    ['a JSON key field', '{"error": {"api_key": "abc123secretvalue"}}', 'abc123secret'],
    [
      'a key query parameter',
      'GET https://x.test/v1?key=AIzaSyA1234567890abcdefghij',
      'AIzaSyA123',
    ],
  ])('removes %s', (_name, text, secret) => {
    const out = redactSecrets(text)
    expect(out).not.toContain(secret)
    expect(out).toContain('[redacted]')
  })

  it('keeps ordinary words and messages intact', () => {
    const text =
      'The model server is rate limiting requests (429): Rate limit reached for gpt-4o-mini; ' +
      'use sk-learn or hf_model, see https://platform.openai.com/docs.'
    expect(redactSecrets(text)).toBe(text)
  })
})

describe('createRedactor', () => {
  it('removes the configured key verbatim, whatever its shape', () => {
    const redact = createRedactor(['my-own-proxy-key-42'])
    expect(redact('401: key my-own-proxy-key-42 is not valid')).toBe(
      '401: key [redacted] is not valid',
    )
  })

  it('does not treat a short placeholder key as a secret', () => {
    expect(createRedactor(['ollama'])('ollama is not running')).toBe('ollama is not running')
  })
})
