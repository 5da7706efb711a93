/**
 * Guesses the language tag of a fenced block from its content. Checked in order, first match
 * wins; the order matters because Ruby, Python and shell all comment with `#`, and collapsed
 * code glues words together (`timingtail -f`), so command names are not reliable signals.
 */
const RULES: [language: string, test: (code: string, first: string) => boolean][] = [
  // A drafted email: its body may mention `const` or end lines with `;`, but it is prose.
  ['text', (_code, first) => /^(Subject|From|To):\s/.test(first)],
  ['markdown', (code, first) => /^#\s/.test(first) && /```|##|\*\*/.test(code)],
  ['sql', (_code, first) => /^--\s|^(SELECT|INSERT|UPDATE|DELETE|CREATE|WITH)\b/.test(first)],
  ['graphql', (_code, first) => /^(\{|query\b|mutation\b)/.test(first)],
  ['javascript', (_code, first) => /^(\/\/|\/\*)/.test(first)],
  ['python', (code) => /^\s*import \w+\s*$|\bdef \w+\([^)]*\):|"""/m.test(code)],
  [
    'ruby',
    (code) =>
      /ActiveRecord::|perform_async|\bdo(\s+\|[^|]*\|)?(\s{2,}|\s*$)|@[a-z_]+\.[a-z_]+[.(]|def \w+\(/m.test(
        code,
      ) &&
      !/\b(const|let|var)\s|=>/.test(code),
  ],
  ['bash', (_code, first) => /^#/.test(first)],
  [
    'javascript',
    (code) => /\b(const|let|var|function|async|await|class|new|return|require)\b|=>|;\s*$/m.test(code),
  ],
]

export function guessCodeLanguage(code: string): string {
  const first = code.trimStart().split('\n')[0] ?? ''
  return RULES.find(([, test]) => test(code, first))?.[0] ?? 'text'
}
