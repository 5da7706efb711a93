import { readFileSync } from 'node:fs'

/** The interviewer prompts whose own words (instructions, headings, tags) the candidate must not see. */
const PROMPTS = ['interviewer-system', 'interviewer-turn', 'drill-system', 'drill-turn']

/**
 * The fixed text of the interviewer prompts, each placeholder cut out (a line break in its place,
 * so no run of words spans one): what a model that recites its prompt would show. Read from the
 * prompt files, not from the server's code, so the bench keeps its own yardstick.
 */
export function promptInstructionText(dir = 'prompts'): string {
  return PROMPTS.map((name) =>
    readFileSync(`${dir}/${name}.md`, 'utf8').replace(/\{\{\s*[A-Za-z][A-Za-z0-9_]*\s*\}\}/g, '\n'),
  ).join('\n\n')
}
