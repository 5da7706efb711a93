import type { BrowserContext, Page } from 'playwright-core'

/**
 * Collects every Content Security Policy violation in a browser context, on every page and across
 * navigations: the `securitypolicyviolation` events the document fires (Chromium reports a
 * blocked eval this way even when the page's code catches the error, and writes nothing to the
 * console), and console messages that mention the CSP. The listener is installed through the
 * DevTools protocol before any page script runs, so the app's CSP does not block it and no
 * violation from the first script is missed. Returns the list, which grows as pages run.
 */
export async function collectCspViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = []
  await context.exposeBinding('__reportCspViolation', (source, text: string) => {
    violations.push(`${new URL(source.page.url()).pathname}: ${text}`)
  })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void })
        .__reportCspViolation
      report(`${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`)
    })
  })
  const watchConsole = (page: Page) =>
    page.on('console', (message) => {
      if (/Content Security Policy|unsafe-eval|unsafe-inline/i.test(message.text()))
        violations.push(`${new URL(page.url()).pathname}: console: ${message.text()}`)
    })
  context.pages().forEach(watchConsole)
  context.on('page', watchConsole)
  return violations
}
