import type { Question } from '../questions/question-schema.js'
import type { OfflineGrader } from './offline-grader.js'

/**
 * Does a grader's per-question work before any candidate waits for it: each question's
 * references, the model answer's reach of them and the word-level caches are built by grading
 * the model answer once as a one-turn transcript. Without it, the first grade of each question
 * paid for all of that (up to a third of a second against about 20 ms for the next).
 */
export function warmOfflineGrader(grader: OfflineGrader, questions: readonly Question[]): void {
  for (const question of questions)
    grader.grade(question, {
      questionId: question.id,
      turns: [{ id: 'warm-up', role: 'candidate', text: question.modelAnswer }],
    })
}
