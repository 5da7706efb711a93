// @vitest-environment happy-dom
import { act, cleanup, screen, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import InterviewPage from '../../../../../web/src/features/interview/components/interview-page.js'
import { draftKey } from '../../../../../web/src/features/interview/hooks/use-draft.js'
import { makeQuestion, makeTurn, stateMessage } from '../../../support/fixtures.js'
import { makeDeps, renderWithDeps } from '../../../support/render-with-deps.js'

const opening = makeTurn({ id: 'i1', seq: 1, text: 'Why did the customer pay **twice**?' })

function setup(storageDraft?: string) {
  const harness = makeDeps({
    'GET /api/questions/the-payment-race': () => ({ body: makeQuestion() }),
  })
  if (storageDraft) harness.store.set(draftKey('s1'), storageDraft)
  renderWithDeps(<InterviewPage sessionId="s1" />, harness.deps)
  const socket = harness.sockets[0]!
  act(() => {
    socket.open()
    socket.receive(stateMessage(1, [opening]))
  })
  return { ...harness, socket }
}

const transcript = () => screen.getByRole('region', { name: 'Transcript' })

afterEach(cleanup)

describe('InterviewPage', () => {
  it('connects to the session stream and shows the opening, the provider, clock and budget', async () => {
    const { socket } = setup()
    expect(socket.url).toBe('/api/sessions/s1/stream')
    expect(await screen.findByRole('heading', { name: 'The Payment Race' })).toBeTruthy()
    expect(within(transcript()).getByText('twice').tagName).toBe('STRONG')
    expect(screen.getByText('Offline engine (no LLM)')).toBeTruthy()
    expect(screen.getByText('Connected')).toBeTruthy()
    expect(screen.getByRole('timer').textContent).toBe('40:00') // 45 min limit, 5 min in
    expect(screen.getByText('0 of 3')).toBeTruthy()
  })

  // Issue 11: the stream's refusals (answers per minute, a session cap) are shown in the
  // server's words, which say what to do and when.
  it.each([
    ['rate_limit:answers', 'Too many answers: at most 30 a minute. Try again in 12 seconds.'],
    [
      'limit:clarifications',
      'This interview allows at most 15 clarifying questions. End the interview to have it graded.',
    ],
  ])('shows an error frame %s in its own words', (code, message) => {
    const { socket } = setup()
    act(() => socket.receive({ type: 'error', seq: 2, code, message }))
    expect(screen.getByRole('alert').textContent).toContain(message)
  })

  it('renders the interviewer tokens as they stream, then the final turn', () => {
    const { socket } = setup()
    const streaming = makeTurn({ id: 'i2', seq: 3, kind: 'follow-up', completedAt: null })
    act(() => socket.receive({ type: 'turn-start', seq: 2, turn: streaming }))
    act(() => socket.receive({ type: 'token-delta', seq: 3, turnId: 'i2', text: 'What would ' }))
    const bubble = transcript().querySelector('[data-turn-id="i2"]')!
    expect(bubble.textContent).toContain('What would')
    expect(bubble.getAttribute('aria-busy')).toBe('true')
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true)
    act(() =>
      socket.receive({ type: 'token-delta', seq: 4, turnId: 'i2', text: 'change your mind?' }),
    )
    expect(bubble.textContent).toContain('What would change your mind?')
    act(() =>
      socket.receive({
        type: 'turn-end',
        seq: 5,
        turn: {
          ...streaming,
          text: 'What would change your mind?',
          completedAt: '2026-11-29T10:02:00.000Z',
        },
        progress: { followUpsAsked: 1, followUpBudget: 3, drillTally: null },
      }),
    )
    expect(bubble.getAttribute('aria-busy')).toBeNull()
    expect(screen.getByText('1 of 3')).toBeTruthy()
  })

  it('sends with Ctrl+Enter, shows the answer as sending until echoed, and clears the draft', async () => {
    const user = userEvent.setup()
    const { socket, store } = setup()
    const box = screen.getByLabelText(/Your answer/)
    await user.type(box, 'Use an idempotency key')
    expect(store.get(draftKey('s1'))).toBe('Use an idempotency key')
    expect(screen.getByText('22 / 16,000 characters')).toBeTruthy()
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect(socket.sent).toEqual([
      { type: 'answer', clientId: 'client-1', text: 'Use an idempotency key' },
    ])
    expect((box as HTMLTextAreaElement).value).toBe('')
    expect(store.has(draftKey('s1'))).toBe(false)
    expect(within(transcript()).getByText('Sending…')).toBeTruthy()
    const echoed = makeTurn({
      id: 'c1',
      seq: 2,
      role: 'candidate',
      kind: 'answer',
      text: 'Use an idempotency key',
      clientId: 'client-1',
    })
    act(() => socket.receive({ type: 'turn-start', seq: 2, turn: echoed }))
    expect(within(transcript()).queryByText('Sending…')).toBeNull()
    expect(within(transcript()).getAllByText('Use an idempotency key')).toHaveLength(1)
  })

  it('does not send on a plain Enter', async () => {
    const user = userEvent.setup()
    const { socket } = setup()
    await user.type(screen.getByLabelText(/Your answer/), 'line one{Enter}line two')
    expect(socket.sent).toEqual([])
    expect((screen.getByLabelText(/Your answer/) as HTMLTextAreaElement).value).toBe(
      'line one\nline two',
    )
  })

  it('restores the draft after a reload', () => {
    setup('half-written answer')
    expect((screen.getByLabelText(/Your answer/) as HTMLTextAreaElement).value).toBe(
      'half-written answer',
    )
  })

  it('sends clarifying questions, skips and end', async () => {
    const user = userEvent.setup()
    const { socket } = setup()
    await user.type(screen.getByLabelText(/Your answer/), 'How many users?')
    await user.click(screen.getByRole('button', { name: 'Ask a clarifying question' }))
    await user.click(screen.getByRole('button', { name: 'Skip' }))
    await user.click(screen.getByRole('button', { name: 'End interview' }))
    // Ending asks first: "Keep going" sends nothing, "End now" ends.
    await user.click(screen.getByRole('button', { name: 'Keep going' }))
    expect(socket.sent).toHaveLength(2)
    await user.click(screen.getByRole('button', { name: 'End interview' }))
    await user.click(screen.getByRole('button', { name: 'End now' }))
    expect(socket.sent).toEqual([
      { type: 'clarify', clientId: 'client-1', text: 'How many users?' },
      { type: 'skip', clientId: 'client-2' },
      { type: 'end' },
    ])
  })

  it('counts characters against the limit and refuses an answer over it', async () => {
    const { socket, store } = setup()
    store.clear()
    const box = screen.getByLabelText(/Your answer/) as HTMLTextAreaElement
    const user = userEvent.setup()
    await user.click(box)
    await user.paste('x'.repeat(16_001))
    expect(screen.getByText('16,001 / 16,000 characters').className).toContain('over')
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true)
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect(socket.sent).toEqual([])
  })

  it('shows the end and offers grading', () => {
    const { socket } = setup()
    act(() => socket.receive({ type: 'session-ended', seq: 2, reason: 'budget' }))
    expect(screen.getByText('The interviewer has asked all the follow-ups planned.')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Grade and review' })).toBeTruthy()
    expect(screen.queryByLabelText(/Your answer/)).toBeNull()
  })
})
