import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from '../../server/env.js'

describe('parseEnv', () => {
  it('applies the defaults to an empty environment', () => {
    expect(parseEnv({})).toMatchObject({
      PORT: 8787,
      HOST: '127.0.0.1',
      DATA_DIR: 'data',
      QUESTIONS_DIR: 'questions',
      WEB_DIST_DIR: 'dist/web',
    })
  })

  it('reads set values and treats blank ones as unset', () => {
    expect(parseEnv({ PORT: '9000', HOST: '0.0.0.0', QUESTIONS_DIR: '' })).toMatchObject({
      PORT: 9000,
      HOST: '0.0.0.0',
      QUESTIONS_DIR: 'questions',
    })
  })

  it('reads ALLOWED_ORIGINS as a list of origins and refuses anything else', () => {
    expect(parseEnv({}).ALLOWED_ORIGINS).toEqual([])
    expect(
      parseEnv({ ALLOWED_ORIGINS: 'https://a.example.com, http://127.0.0.1:5173' }).ALLOWED_ORIGINS,
    ).toEqual(['https://a.example.com', 'http://127.0.0.1:5173'])
    expect(() => parseEnv({ ALLOWED_ORIGINS: 'https://a.example.com/path' })).toThrow(
      /ALLOWED_ORIGINS.*: each entry must be an origin/,
    )
    expect(() => parseEnv({ PUBLIC_URL: 'not a url' })).toThrow(/PUBLIC_URL/)
  })

  it('fails with a readable EnvError naming every bad variable', () => {
    const attempt = () => parseEnv({ PORT: 'eighty', GRADER_SAMPLES: '0' })
    expect(attempt).toThrow(EnvError)
    let message = ''
    try {
      attempt()
    } catch (err) {
      message = (err as Error).message
    }
    expect(message).toMatch(/^Invalid configuration:/)
    expect(message).toMatch(/^\s+- PORT: /m)
    expect(message).toMatch(/^\s+- GRADER_SAMPLES: /m)
  })

  it('rejects a port out of range', () => {
    expect(() => parseEnv({ PORT: '70000' })).toThrow(/PORT/)
    expect(() => parseEnv({ PORT: '-1' })).toThrow(/PORT/)
  })

  it('reads LLM_IDLE_TIMEOUT_MS, 20 s by default, and rejects nonsense', () => {
    expect(parseEnv({}).LLM_IDLE_TIMEOUT_MS).toBe(20_000)
    expect(parseEnv({ LLM_IDLE_TIMEOUT_MS: '5000' }).LLM_IDLE_TIMEOUT_MS).toBe(5000)
    expect(() => parseEnv({ LLM_IDLE_TIMEOUT_MS: 'soon' })).toThrow(/LLM_IDLE_TIMEOUT_MS/)
    expect(() => parseEnv({ LLM_IDLE_TIMEOUT_MS: '10' })).toThrow(/LLM_IDLE_TIMEOUT_MS/)
  })
})

describe('grading queue settings', () => {
  it('default to one offline grading at once, four on an LLM, 400,000 characters a job', () => {
    expect(parseEnv({})).toMatchObject({
      OFFLINE_GRADING_CONCURRENCY: 1,
      LLM_GRADING_CONCURRENCY: 4,
      GRADING_MAX_CHARS: 400_000,
    })
  })

  it('refuse zero, fractions and words', () => {
    expect(() => parseEnv({ OFFLINE_GRADING_CONCURRENCY: '0' })).toThrow(
      /OFFLINE_GRADING_CONCURRENCY/,
    )
    expect(() => parseEnv({ LLM_GRADING_CONCURRENCY: '1.5' })).toThrow(/LLM_GRADING_CONCURRENCY/)
    expect(() => parseEnv({ GRADING_MAX_CHARS: 'lots' })).toThrow(/GRADING_MAX_CHARS/)
    expect(() => parseEnv({ GRADING_MAX_CHARS: '10' })).toThrow(/GRADING_MAX_CHARS/)
  })
})
