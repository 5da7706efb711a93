import { describe, expect, it } from 'vitest'
import { similarityToProfile } from '../../../server/grading/profile-similarities.js'
import type { QuestionProfile } from '../../../server/grading/question-profile.js'
import { createTextAnalyzer, type TextAnalyzer } from '../../../server/text/text-analyzer.js'
import type { EmbeddingsLoader } from '../../../server/text/wink-embeddings-loader.js'
import { createInMemoryEmbeddings } from '../../../server/text/word-embeddings.js'

const loader: EmbeddingsLoader = {
  stats: undefined,
  load: () =>
    createInMemoryEmbeddings({
      lock: [1, 0.1, 0, 0.3],
      mutex: [1, 0.2, 0.1, 0],
      cache: [0, 0.2, 1, 0.2],
      memo: [0.1, 0, 1, 0.3],
      payment: [0, 1, 0.2, 0],
      refund: [0.1, 1, 0, 0.2],
      banana: [0.3, 0.1, 0, 1],
    }),
}

function analyzer(): TextAnalyzer {
  return createTextAnalyzer({
    embeddings: loader,
    chanceCosine: 'per-word',
    minWordSimilarity: 0,
    termWeight: () => 1,
  })
}

function profileOf(a: TextAnalyzer, text: string): QuestionProfile {
  return { questionId: 'q', demote: '', targets: [], terms: a.terms(text) }
}

describe('similarityToProfile', () => {
  it('gives the matrix a fresh computation gives, whatever answers came before', () => {
    const a = analyzer()
    const profile = profileOf(a, 'lock cache payment')
    const other = profileOf(a, 'refund banana lock')
    const answers = ['mutex memo banana', 'memo refund mutex paymnet', 'cache lock', 'banana']
    for (const text of answers) {
      const columns = a.terms(text)
      // Another profile of the same analyzer in between must not lend its columns.
      similarityToProfile(a, other, a.terms('memo refund'))
      expect(similarityToProfile(a, profile, columns)).toEqual(
        analyzer().similarityMatrix(profile.terms, columns),
      )
    }
    expect(similarityToProfile(a, profile, [])).toEqual(new Float32Array(0))
  })
})
