import { z } from 'zod'

/**
 * A session's grading job as the store keeps it, so every instance sees it and a job whose
 * instance died is picked up by another: queued (waiting for an instance), running (an instance
 * holds its lease and renews it), done (the grade is stored) or failed (the message says why,
 * including "gave up after N attempts").
 */
export const GradingJobSchema = z.object({
  sessionId: z.string().min(1),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  /** What it is doing or why it failed. */
  message: z.string().nullable(),
  /** Runs started so far, the current one included. */
  attempts: z.number().int().nonnegative(),
  /** The instance running it (null when queued or finished). */
  holder: z.string().nullable(),
  updatedAt: z.string(),
  /**
   * Present on a running job whose lease has expired: the instance running it stopped (a crash,
   * a kill) and nobody has taken it over yet. Another claim, or the owner's regrade, restarts it.
   */
  interrupted: z.literal(true).optional(),
})
export type GradingJob = z.infer<typeof GradingJobSchema>

/** Why a claim was refused or what it found: see GradingJobStore.claimGradingJob. */
export type GradingClaim =
  | { status: 'claimed'; job: GradingJob }
  /** Another instance holds a live lease on it. */
  | { status: 'busy' }
  /** It already had maxAttempts runs: now failed for good. */
  | { status: 'gave-up'; job: GradingJob }
  /** Nothing to run: no job, or it is done or failed. */
  | { status: 'none' }

/**
 * The grading-job operations every SessionStore provides. A running job has a lease (TTL,
 * renewed by its holder); one whose lease expired is claimable again, up to maxAttempts runs.
 */
export interface GradingJobStore {
  /**
   * Queues a grading of the session. 'already' when a run is queued or running (its lease
   * live); a finished or failed job is reset to queued with no attempts.
   */
  enqueueGradingJob(sessionId: string, now: string): Promise<'queued' | 'already'>
  /** Starts a run of the session's job for `holder` when it is queued or its holder died. */
  claimGradingJob(
    sessionId: string,
    claim: { holder: string; ttlMs: number; maxAttempts: number; now: string },
  ): Promise<GradingClaim>
  /** Ids of jobs queued or running (some may have a dead holder): what a sweeper looks at. */
  listOpenGradingJobs(): Promise<string[]>
  /** Extends the holder's lease and records progress; false when the job is no longer its. */
  renewGradingJob(
    sessionId: string,
    holder: string,
    ttlMs: number,
    message: string | null,
  ): Promise<boolean>
  /** Ends the holder's run as done or failed; false when the job is no longer its. */
  finishGradingJob(
    sessionId: string,
    holder: string,
    outcome: { state: 'done' | 'failed'; message: string | null; now: string },
  ): Promise<boolean>
  getGradingJob(sessionId: string): Promise<GradingJob | null>
}
