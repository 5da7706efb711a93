// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { LibraryPage } from '../../../../../web/src/features/library/components/library-page.js'
import { makeListing } from '../../../support/fixtures.js'
import { makeDeps, renderWithDeps } from '../../../support/render-with-deps.js'

const questions = [
  makeListing({
    id: 'payment-race',
    number: 1,
    title: 'The Payment Race',
    difficulty: 'High',
    companies: ['Stripe'],
    competencies: ['Concurrency'],
  }),
  makeListing({
    id: 'slow-feed',
    number: 2,
    title: 'The Slow Feed',
    difficulty: 'Medium',
    role: 'Staff Engineer',
    companies: ['Meta'],
    competencies: ['Caching'],
  }),
  makeListing({
    id: 'chat-scale',
    number: 3,
    title: 'Chat at Scale',
    difficulty: 'Very High',
    companies: ['Meta', 'Discord'],
    competencies: ['WebSockets'],
  }),
]

function renderLibrary(random = () => 0) {
  const { deps } = makeDeps({ 'GET /api/questions': () => ({ body: { questions } }) })
  renderWithDeps(<LibraryPage random={random} />, deps)
}

const cardTitles = () =>
  within(screen.getByRole('list', { name: '' }))
    .queryAllByRole('heading')
    .map((h) => h.textContent)

afterEach(() => {
  cleanup()
  window.history.replaceState(null, '', '/')
})

describe('LibraryPage', () => {
  it('shows a card per question with its difficulty, role, level and companies', async () => {
    renderLibrary()
    expect(await screen.findByText('3 questions')).toBeTruthy()
    expect(cardTitles()).toEqual(['1. The Payment Race', '2. The Slow Feed', '3. Chat at Scale'])
    expect(screen.getByText('Meta · Discord')).toBeTruthy()
    expect(screen.getByRole('link', { name: /The Slow Feed/ }).getAttribute('href')).toBe(
      '/q/slow-feed',
    )
  })

  it('filters by difficulty and company, and combines them', async () => {
    const user = userEvent.setup()
    renderLibrary()
    await screen.findByText('3 questions')
    await user.selectOptions(screen.getByLabelText('Company'), 'Meta')
    expect(cardTitles()).toEqual(['2. The Slow Feed', '3. Chat at Scale'])
    await user.selectOptions(screen.getByLabelText('Difficulty'), 'Very High')
    expect(cardTitles()).toEqual(['3. Chat at Scale'])
    expect(screen.getByText('1 of 3 questions')).toBeTruthy()
  })

  it('searches titles and competencies as you type, and offers to clear', async () => {
    const user = userEvent.setup()
    renderLibrary()
    await screen.findByText('3 questions')
    await user.type(screen.getByLabelText('Search'), 'caching')
    expect(cardTitles()).toEqual(['2. The Slow Feed'])
    await user.clear(screen.getByLabelText('Search'))
    await user.type(screen.getByLabelText('Search'), 'nothing like this')
    expect(cardTitles()).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Clear the filters' }))
    expect(cardTitles()).toHaveLength(3)
  })

  it('"Surprise me" opens one of the questions shown', async () => {
    const user = userEvent.setup()
    renderLibrary(() => 0.99)
    await screen.findByText('3 questions')
    await user.selectOptions(screen.getByLabelText('Company'), 'Meta')
    await user.click(screen.getByRole('button', { name: 'Surprise me' }))
    expect(window.location.pathname).toBe('/q/chat-scale')
  })

  it('says so when the bank cannot be loaded', async () => {
    const { deps } = makeDeps({})
    renderWithDeps(<LibraryPage />, deps)
    expect((await screen.findByRole('alert')).textContent).toContain('Could not load the questions')
  })
})
