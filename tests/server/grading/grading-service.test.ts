import { describe, expect, it } from 'vitest'
import {
  createGradingService,
  type GradeProgress,
} from '../../../server/grading/grading-service.js'
import { MemorySessionStore } from '../../../server/sessions/memory-session-store.js'
import { RecordingGrader } from '../../support/recording-grader.js'
import { makeSampleBank } from '../../support/sample-question.js'
import { makeSession, makeTurn } from '../../support/session-fixtures.js'

async function setup(opts: { llm?: RecordingGrader } = {}) {
  const store = new MemorySessionStore()
  await store.createSession(makeSession({ status: 'ended' }))
  await store.appendTurn(makeTurn({ id: 'q', role: 'interviewer', kind: 'question', text: 'Why?' }))
  await store.appendTurn(makeTurn({ id: 'a', text: 'The retry after a timeout charges twice.' }))
  const offline = new RecordingGrader('offline')
  const progress: GradeProgress[] = []
  const grading = createGradingService({
    store,
    bank: makeSampleBank(),
    offlineGrader: offline,
    llmGrader: opts.llm,
    onProgress: (_id, p) => progress.push(p),
  })
  const session = (await store.getSession('session-1'))!
  return { store, offline, grading, progress, session }
}

describe('grading service', () => {
  it('grades in the background, stores the grade and reports progress', async () => {
    const { store, offline, grading, progress, session } = await setup()
    offline.hold()
    expect(grading.startGrading(session)).toBe('started')
    expect(grading.statusOf('session-1').state).toBe('running')
    expect(grading.startGrading(session)).toBe('already-running')
    expect(await store.getGrade('session-1')).toBeNull()

    offline.release()
    await grading.whenSettled('session-1')
    expect(offline.calls).toHaveLength(1)
    expect(offline.calls[0]?.transcript.turns).toEqual([
      { id: 'q', role: 'interviewer', text: 'Why?' },
      { id: 'a', role: 'candidate', text: 'The retry after a timeout charges twice.' },
    ])
    expect((await store.getGrade('session-1'))?.overall).toBe(4)
    expect(progress.map((p) => p.stage)).toEqual(['started', 'done'])
    expect(progress[1]?.grade?.grader.kind).toBe('offline')
    expect(grading.statusOf('session-1')).toEqual({ state: 'none', message: null })
  })

  it('prefers the LLM grader when configured', async () => {
    const llm = new RecordingGrader('llm')
    const { grading, offline, store, session } = await setup({ llm })
    expect(grading.graderKind()).toBe('llm')
    grading.startGrading(session)
    await grading.whenSettled('session-1')
    expect(llm.calls).toHaveLength(1)
    expect(offline.calls).toHaveLength(0)
    expect((await store.getGrade('session-1'))?.grader.kind).toBe('llm')
  })

  it('falls back to the offline grader when the LLM grader fails, and says so', async () => {
    const llm = new RecordingGrader('llm', new Error('rate limited'))
    const { grading, store, progress, session } = await setup({ llm })
    grading.startGrading(session)
    await grading.whenSettled('session-1')
    expect((await store.getGrade('session-1'))?.grader.kind).toBe('offline')
    expect(progress.map((p) => p.stage)).toEqual(['started', 'grading', 'done'])
    expect(progress[1]?.message).toContain('rate limited')
  })

  it('reports a failure without throwing, and a later run can succeed', async () => {
    const { grading, offline, store, progress, session } = await setup()
    offline.failWith(new Error('no vectors'))
    grading.startGrading(session)
    await grading.whenSettled('session-1')
    expect(grading.statusOf('session-1')).toEqual({
      state: 'failed',
      message: 'Grading failed: no vectors',
    })
    expect(progress.at(-1)?.stage).toBe('failed')
    offline.failWith(null)
    grading.startGrading(session)
    await grading.whenSettled('session-1')
    expect(grading.statusOf('session-1').state).toBe('none')
    expect(await store.getGrade('session-1')).not.toBeNull()
  })

  it('keeps grading when a progress listener throws, and unsubscribes', async () => {
    const { grading, store, session } = await setup()
    const seen: string[] = []
    const unsubscribe = grading.subscribe(() => {
      seen.push('called')
      throw new Error('socket closed')
    })
    grading.startGrading(session)
    await grading.whenSettled('session-1')
    expect(await store.getGrade('session-1')).not.toBeNull()
    unsubscribe()
    grading.startGrading(session)
    await grading.whenSettled('session-1')
    expect(seen).toHaveLength(2)
  })

  it('grades a pasted transcript synchronously, or says the question is unknown', async () => {
    const { grading } = await setup()
    const turns = [{ id: 'x', role: 'candidate' as const, text: 'Idempotency keys on charges.' }]
    const graded = await grading.gradeTranscript({ questionId: 'sample-question', turns })
    expect(graded.ok && graded.grade.criteria[0]?.evidence[0]?.quote).toBe(
      'Idempotency keys on charges.',
    )
    expect(await grading.gradeTranscript({ questionId: 'nope', turns })).toMatchObject({
      ok: false,
      failure: { subject: 'question' },
    })
  })
})
