import type { EndReason } from './interviewer-engine.js'

/**
 * Fixed lines of the offline interviewer that are not follow-ups: openings, clarifications,
 * redirects and closings, several of each so sessions do not all sound alike.
 */
export const INTERVIEWER_LINES = {
  greeting: [
    "Let's get started. Here's the problem.",
    "Thanks for making the time. Here's what I'd like you to work through.",
    "Let's dive in. I'll give you the scenario, then you drive.",
  ],
  invitation: [
    "Take a moment, then walk me through how you'd approach it. Think out loud; I'll interrupt with questions.",
    "Where would you start? Talk me through your thinking; I'll push back as we go.",
    'Go ahead whenever you are ready. Structure matters as much as the answer.',
  ],
  drillIntro: [
    'This is a drill on {focus}: short answers, fast reps. After each one you get a verdict and a hint, then the next question.',
    "We're drilling {focus}. Answer briefly; I'll judge each answer, give you a hint, and go again.",
  ],
  clarifyFound: ['The scenario says:', 'From the brief:', 'The brief gives you this:'],
  // Always the same words first, so a candidate learns the convention: no fact, assume one.
  clarifyAssume: [
    "The scenario doesn't say; state your assumption and go on.",
    "The scenario doesn't say; state your assumption, say why it's plausible, and go on.",
    "The scenario doesn't say; state your assumption and go on. I'll hold you to it.",
  ],
  clarifyTail: [
    'Anything beyond that, assume it and say so.',
    'Beyond that, state your assumption and move on.',
  ],
  redirect: [
    "I'm the interviewer here, and the answer has to come from you. That isn't going to change.",
    "Nice try. I won't share the answer or change how this works; let's keep going.",
    "That's not how this works: I ask, you answer. Let's stay on the problem.",
  ],
  redirectBack: ['Back to my question:', 'So, again:', 'Where we were:'],
  skip: [
    "Fine, we'll leave that one.",
    'Okay, skipping it. Note that it counts as not answered.',
    'All right, moving on.',
  ],
  closing: {
    candidate: ["Okay, let's stop here.", "Understood, we'll end here."],
    budget: ["That's all my questions.", "That's the end of my list."],
    time: ["We're out of time.", "That's time."],
  } satisfies Record<EndReason, string[]>,
  closingTail: [
    'Thanks. Your transcript goes to grading now; the model answer unlocks in the review.',
    'Thank you. You will find the grade, the evidence and the model answer in the review.',
  ],
  leadIn: ['', 'Okay. ', 'Noted. ', 'Right. '],
}
