import type { QuestionListing } from '../../../shared/contract/question-contract.js'
import { Link } from '../../../shared/router/link.js'

/** One question of the library: the title links to its page. */
export function QuestionCard({ question }: { question: QuestionListing }) {
  const slug = question.difficulty.toLowerCase().replace(/\s+/g, '-')
  return (
    <li className="card question-card">
      <h2 className="card-title">
        <Link to={`/q/${encodeURIComponent(question.id)}`}>
          <span className="question-number">{question.number}.</span> {question.title}
        </Link>
      </h2>
      <p className="tags">
        <span className={`tag difficulty difficulty-${slug}`}>{question.difficulty}</span>
        <span className="tag">{question.role}</span>
        <span className="tag">{question.level}</span>
      </p>
      <p className="card-prompt">{question.prompt}</p>
      {question.companies.length > 0 ? (
        <p className="companies">
          <span className="visually-hidden">Asked at: </span>
          {question.companies.join(' · ')}
        </p>
      ) : null}
    </li>
  )
}
