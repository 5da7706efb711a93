import type { LlmClient } from '../llm/llm-client.js'
import type { PromptLibrary } from '../prompts/prompt-library.js'
import type { Question } from '../questions/question-schema.js'
import type { TextAnalyzer } from '../text/index.js'
import { DEFAULT_COVERAGE_TUNING } from './coverage-map.js'
import type { CoverageSource } from './coverage-source.js'
import { createCoverageWorkerPool } from './coverage-worker-pool.js'
import type { InterviewerEngine } from './interviewer-engine.js'
import { createLlmInterviewer } from './llm-interviewer.js'
import { createMainThreadCoverage } from './main-thread-coverage.js'
import { createOfflineInterviewer } from './offline-interviewer.js'
import { createStemCoverageTracker } from './stem-coverage-tracker.js'

/** The interviewer as the orchestrator needs it: the engine, its offline fallback, coverage. */
export type InterviewRuntime = {
  engine: InterviewerEngine
  /** The offline engine: writes a turn when the engine's provider fails. */
  fallback: InterviewerEngine
  coverage: CoverageSource
  /** Starts the coverage workers, if any (call once the server listens). */
  warm(): void
  /** Stops the coverage workers, if any. */
  close(): Promise<void>
}

export type InterviewRuntimeOptions = {
  questions: readonly Question[]
  /** Text similarity for the offline interviewer (clarifications); with word vectors in production. */
  analyzer: TextAnalyzer
  /** An LLM to interview with; without it the offline engine interviews. */
  llm?: { client: LlmClient; prompts: PromptLibrary; slowNoticeMs?: number }
  /**
   * Worker threads that compute coverage maps (COVERAGE_WORKERS; main.ts: one per core). 0 or
   * absent: on the main thread, one map per event-loop turn.
   */
  coverageWorkers?: number
}

/** Builds the interviewer: the LLM engine when one is given, else the offline engine. */
export function createInterviewRuntime(options: InterviewRuntimeOptions): InterviewRuntime {
  // Stems only (see stem-coverage-tracker.ts), the same on the main thread and in the workers.
  const workers = options.coverageWorkers ?? 0
  const pool =
    workers > 0 ? createCoverageWorkerPool({ questions: options.questions, size: workers }) : null
  const coverage = pool ?? createMainThreadCoverage(createStemCoverageTracker(options.questions))
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
  return {
    engine,
    fallback: offline,
    coverage,
    warm: () => pool?.warm(),
    close: async () => pool?.close(),
  }
}
