import { beforeAll, describe, expect, it } from 'vitest'
import {
  LlmGradeError,
  createLlmTranscriptGrader,
} from '../../../server/grading/llm-grader-port.js'
import { loadPromptLibrary, type PromptLibrary } from '../../../server/prompts/prompt-library.js'
import { ScriptedLlmClient } from '../../support/scripted-llm-client.js'
import { makeSampleQuestion } from '../../support/sample-question.js'
import { gradeReply, transcript } from './llm-grader-kit.js'

let prompts: PromptLibrary
beforeAll(async () => {
  prompts = await loadPromptLibrary()
})
const clock = () => new Date('2026-11-29T03:00:00.000Z')

describe('createLlmTranscriptGrader', () => {
  it('returns the grade through the TranscriptGrader port', async () => {
    const llm = new ScriptedLlmClient([JSON.stringify(gradeReply())])
    const grader = createLlmTranscriptGrader({ llm, prompts, clock })
    expect(grader.kind).toBe('llm')
    const grade = await grader.grade(makeSampleQuestion(), transcript)
    expect(grade.overall).toBe(6.5)
    expect(llm.calls.map((c) => c.method)).toEqual(['completeJson'])
  })

  it('throws an LlmGradeError naming the problems when no valid grade comes back', async () => {
    const llm = new ScriptedLlmClient(['not json', '{"criteria": []}'])
    const grader = createLlmTranscriptGrader({ llm, prompts, clock })
    const failure = grader.grade(makeSampleQuestion(), transcript)
    await expect(failure).rejects.toBeInstanceOf(LlmGradeError)
    await expect(failure).rejects.toThrow(/invalid grade twice.*competencies: Invalid input/)
    expect(llm.calls).toHaveLength(2)
  })
  it('redacts credentials the model wrote into a reply it could not grade', async () => {
    // The errors quote the model's own names back; a model steered by the transcript can write
    // anything there, a key included.
    const key = 'sk-proj-AbCdEf0123456789AbCdEf0123'
    const reply = gradeReply()
    reply.criteria[0]!.name = `Root cause (call me with ${key})`
    const llm = new ScriptedLlmClient([JSON.stringify(reply), JSON.stringify(reply)])
    const grader = createLlmTranscriptGrader({ llm, prompts, clock })
    const failure = await grader.grade(makeSampleQuestion(), transcript).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(LlmGradeError)
    expect((failure as Error).message).toMatch(
      /"Root cause \(call me with \[redacted\]\)" is not one of/,
    )
    expect((failure as Error).message).not.toContain(key)
  })
})
