import type { Question } from '../questions/question-schema.js'
import {
  createStemmer,
  STOP_WORDS,
  splitSentences,
  tokenizeWords,
  type Stemmer,
} from '../text/index.js'

/** A salient phrase of the model answer (a named technique, a number, a two-word term). */
export type KeyConcept = {
  /** The phrase as the model answer first writes it, lowercased. */
  text: string
  /** Porter2 stems of its words: a candidate covers the concept by using all of them. */
  stems: string[]
  /** Salience: term frequency in the model answer times IDF across the bank. */
  weight: number
}

const FENCED_CODE = /```[\s\S]*?```/g

/**
 * Extracts the key concepts of a question's model answer, deterministically: runs of content
 * words (stop words break a run) give unigrams and bigrams, scored by their frequency in this
 * answer times their inverse document frequency over the bank's answers. Words the candidate
 * can read in the scenario are left out: repeating them shows no knowledge. Code is skipped.
 */
export function extractKeyConcepts(
  question: Question,
  bank: readonly Question[],
  limit = 12,
  stem: Stemmer = createStemmer(),
  /** How rare a word is in general English, in (0, 1]: "engineers" is common, "idempotency" not. */
  rarity: (word: string) => number = () => 1,
): KeyConcept[] {
  const stemsOf = (text: string) => new Set(contentWords(text, stem).map((w) => w.stem))
  const docs = bank.filter((q) => q.id !== question.id).map((q) => stemsOf(q.modelAnswer))
  docs.push(stemsOf(question.modelAnswer))
  const idf = (s: string) =>
    Math.log((docs.length + 1) / (docs.filter((d) => d.has(s)).length + 1)) + 1
  const visible = stemsOf(
    [question.prompt, question.scenario, ...question.requirements, question.title].join('\n'),
  )

  const phrases = new Map<
    string,
    { text: string; stems: string[]; words: string[]; count: number }
  >()
  const add = (words: ContentWord[]) => {
    const stems = words.map((w) => w.stem)
    if (stems.every((s) => visible.has(s))) return
    const key = stems.join(' ')
    const entry = phrases.get(key) ?? {
      text: words.map((w) => w.word).join(' '),
      stems,
      words: words.map((w) => w.word),
      count: 0,
    }
    entry.count += 1
    phrases.set(key, entry)
  }
  for (const sentence of splitSentences(question.modelAnswer.replace(FENCED_CODE, '\n'))) {
    for (const run of contentRuns(sentence.text, stem)) {
      run.forEach((w, i) => {
        if (isSalientWord(w.word)) add([w])
        const next = run[i + 1]
        if (next && [w, next].some((x) => /^[a-z]{4,}$/.test(x.word))) add([w, next])
      })
    }
  }

  const scored = [...phrases.values()]
    .filter((p) => p.stems.length === 1 || p.count >= 2 || p.stems.some((s) => idf(s) > 2))
    .map((p) => ({
      text: p.text,
      stems: p.stems,
      // A bigram names a technique more precisely than either of its words.
      weight:
        Math.sqrt(p.count) *
        p.stems.reduce((sum, s, i) => sum + idf(s) * rarity(p.words[i] ?? s), 0) *
        (p.stems.length > 1 ? 0.8 : 1),
    }))
    .sort((a, b) => b.weight - a.weight || a.text.localeCompare(b.text))

  const chosen: KeyConcept[] = []
  const used = new Set<string>()
  for (const c of scored) {
    if (chosen.length >= limit) break
    if (c.stems.every((s) => used.has(s))) continue
    chosen.push({ ...c, weight: Math.round(c.weight * 100) / 100 })
    c.stems.forEach((s) => used.add(s))
  }
  return chosen
}

/** Stems of every content word of a text, for matching concepts. */
export function contentStems(text: string, stem: Stemmer): Set<string> {
  return new Set(contentWords(text, stem).map((w) => w.stem))
}

type ContentWord = { word: string; stem: string }

function contentWords(text: string, stem: Stemmer): ContentWord[] {
  return contentRuns(text, stem).flat()
}

/** Maximal runs of adjacent content words; a stop word or punctuation ends a run. */
function contentRuns(text: string, stem: Stemmer): ContentWord[][] {
  const runs: ContentWord[][] = []
  let run: ContentWord[] = []
  let lastEnd = -1
  for (const token of tokenizeWords(text)) {
    const gap = lastEnd < 0 ? '' : text.slice(lastEnd, token.start)
    if (STOP_WORDS.has(token.word) || !/^[\s-]*$/.test(gap)) {
      if (run.length > 0) runs.push(run)
      run = []
    }
    if (!STOP_WORDS.has(token.word) && token.word.length > 1) {
      run.push({ word: token.word, stem: stem(token.word) })
    }
    lastEnd = token.end
  }
  if (run.length > 0) runs.push(run)
  return runs
}

/** Single words worth a concept: long enough to be specific, or a number with some digits. */
function isSalientWord(word: string): boolean {
  return /\d/.test(word) ? /[a-z]/.test(word) && word.length >= 3 : word.length >= 5
}
