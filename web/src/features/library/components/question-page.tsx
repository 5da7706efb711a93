import { useEffect, useState } from 'react'
import { useClientDeps } from '../../../shared/api/client-deps.js'
import type { PublicQuestion } from '../../../shared/contract/question-contract.js'
import { SafeMarkdown } from '../../../shared/markdown/safe-markdown.js'
import { Link } from '../../../shared/router/link.js'
import { navigateTo } from '../../../shared/router/navigate.js'
import { fetchQuestionDetail, startSession, type StartSessionInput } from '../api/library-api.js'
import type { Loadable } from '../hooks/use-question-list.js'
import { StartSessionForm } from './start-session-form.js'

/** One question: its scenario, what it tests, the framework's steps, and the start form. */
export default function QuestionPage({ questionId }: { questionId: string }) {
  const { fetch } = useClientDeps()
  const [question, setQuestion] = useState<Loadable<PublicQuestion>>({ status: 'loading' })
  const [starting, setStarting] = useState(false)
  const [startError, setStartError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    void fetchQuestionDetail(fetch, questionId).then((r) => {
      if (live)
        setQuestion(
          r.ok ? { status: 'ready', data: r.data } : { status: 'error', message: r.message },
        )
    })
    return () => {
      live = false
    }
  }, [fetch, questionId])

  const start = async (input: StartSessionInput) => {
    setStarting(true)
    setStartError(null)
    const result = await startSession(fetch, input)
    if (result.ok) return navigateTo(`/session/${encodeURIComponent(result.data.id)}`)
    setStarting(false)
    setStartError(result.message)
  }

  if (question.status === 'loading') return <p className="loading">Loading the question…</p>
  if (question.status === 'error') {
    return (
      <div>
        <h1>Question not available</h1>
        <p className="error" role="alert">
          {question.message}
        </p>
        <Link to="/">Back to the library</Link>
      </div>
    )
  }
  const q = question.data
  return (
    <article className="question-page">
      <header className="page-header">
        <p className="eyebrow">
          <Link to="/">Library</Link> / Question {q.number}
        </p>
        <h1>{q.title}</h1>
        <p className="tags">
          <span className="tag">{q.difficulty}</span> <span className="tag">{q.role}</span>{' '}
          <span className="tag">{q.level}</span>
          {q.companies.length > 0 ? (
            <span className="companies"> {q.companies.join(' · ')}</span>
          ) : null}
        </p>
      </header>
      <div className="question-layout">
        <section className="scenario" aria-labelledby="scenario-heading">
          <h2 id="scenario-heading">Scenario</h2>
          <blockquote className="prompt">{q.prompt}</blockquote>
          <SafeMarkdown>{q.scenario}</SafeMarkdown>
          {q.requirements.some((r) => !q.scenario.includes(r)) ? (
            <>
              <h3>You are asked to cover</h3>
              <ol>
                {q.requirements.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ol>
            </>
          ) : null}
        </section>
        <aside className="question-side" aria-label="Start and framework">
          <StartSessionForm question={q} onStart={(input) => void start(input)} busy={starting} />
          {startError ? (
            <p className="error" role="alert">
              {startError}
            </p>
          ) : null}
          <section aria-labelledby="tests-heading">
            <h2 id="tests-heading">What it tests</h2>
            <ul className="plain-list">
              {q.competencies.map((c) => (
                <li key={c.name}>
                  <strong>{c.name}</strong>: {c.description}
                </li>
              ))}
            </ul>
          </section>
          <details className="framework-details">
            <summary>
              <h2 id="framework-heading">Framework: {q.framework.name}</h2>
            </summary>
            <ol>
              {q.framework.steps.map((s) => (
                <li key={s.number}>{s.name}</li>
              ))}
            </ol>
          </details>
        </aside>
      </div>
    </article>
  )
}
