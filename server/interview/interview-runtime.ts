import type { LlmClient } from '../llm/llm-client.js'
import type { PromptLibrary } from '../prompts/prompt-library.js'
import type { Question } from '../questions/question-schema.js'
import { createTextAnalyzer, type TextAnalyzer } from '../text/index.js'
import { DEFAULT_COVERAGE_TUNING } from './coverage-map.js'
import { createCoverageTracker, type CoverageTracker } from './coverage-tracker.js'
import type { InterviewerEngine } from './interviewer-engine.js'
import { createLlmInterviewer } from './llm-interviewer.js'
import { createOfflineInterviewer } from './offline-interviewer.js'

/** The interviewer as the orchestrator needs it: the engine, its offline fallback, coverage. */
export type InterviewRuntime = {
  engine: InterviewerEngine
  /** The offline engine: writes a turn when the engine's provider fails. */
  fallback: InterviewerEngine
  coverage: CoverageTracker
}

export type InterviewRuntimeOptions = {
  questions: readonly Question[]
  /** Text similarity for the offline interviewer (clarifications); with word vectors in production. */
  analyzer: TextAnalyzer
  /** An LLM to interview with; without it the offline engine interviews. */
  llm?: { client: LlmClient; prompts: PromptLibrary; slowNoticeMs?: number }
}

/** Builds the interviewer: the LLM engine when one is given, else the offline engine. */
export function createInterviewRuntime(options: InterviewRuntimeOptions): InterviewRuntime {
  // Coverage matches stems, not word vectors: on the labelled answers of bench:coverage the
  // vectors cost about 0.1 F1 (they make every step look a little like every answer).
  const coverage = createCoverageTracker({
    questions: options.questions,
    analyzer: createTextAnalyzer(),
  })
  const fullAt = DEFAULT_COVERAGE_TUNING.full
  const offline = createOfflineInterviewer({
    analyzer: options.analyzer,
    fullAt,
  })
  const engine = options.llm
    ? createLlmInterviewer({
        llm: options.llm.client,
        prompts: options.llm.prompts,
        fullAt,
        scripted: offline,
        slowNoticeMs: options.llm.slowNoticeMs,
      })
    : offline
  return { engine, fallback: offline, coverage }
}
