import { StrictMode, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'

type Listing = { id: string; number: number; title: string; difficulty: string; role: string }

/** Placeholder: lists the bank until the real client lands. */
function App() {
  const [questions, setQuestions] = useState<Listing[] | null>(null)
  useEffect(() => {
    fetch('/api/questions')
      .then((r) => r.json() as Promise<{ questions: Listing[] }>)
      .then((body) => setQuestions(body.questions))
      .catch(() => setQuestions([]))
  }, [])
  return (
    <main>
      <h1>Sparring</h1>
      {questions === null ? (
        <p>Loading questions…</p>
      ) : (
        <ul>
          {questions.map((q) => (
            <li key={q.id}>
              {q.number}. {q.title} ({q.difficulty}, {q.role})
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
