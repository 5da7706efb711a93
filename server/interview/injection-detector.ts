/**
 * Recognises a candidate trying to step outside the interview: asking for the model answer or
 * the rubric, or to change the interviewer's instructions. Deliberately broad: a false positive
 * costs one firm redirect, a false negative could cost the exercise.
 */
const PATTERNS: RegExp[] = [
  /\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|prompt|rules|above|previous|everything)\b/i,
  /\b(system|developer|hidden)\s+(prompt|message|instructions?)\b/i,
  /\b(show|give|tell|reveal|print|share|paste|read)\b.{0,30}\b(model|ideal|reference|correct|expected|right|perfect|full|sample)\s+(answer|solution|response)\b/i,
  /\bwhat('s| is)\s+the\s+(model|ideal|correct|expected|right)\s+(answer|solution)\b/i,
  /\b(show|give|tell|reveal|print|share)\b.{0,30}\b(rubric|grading criteria|scoring|answer key)\b/i,
  /\byou\s+are\s+now\b|\bpretend\s+(to\s+be|you)\b|\bact\s+as\b|\bjailbreak\b|\bdeveloper\s+mode\b|\bDAN\b/i,
  /\b(give|grade|score|rate)\s+(me|this|my answer)\s+(a\s+)?(10|ten|full marks|perfect)/i,
  /\bjust\s+(tell|give)\s+me\s+the\s+answer\b/i,
]

export function isInjectionAttempt(text: string): boolean {
  return PATTERNS.some((p) => p.test(text))
}
