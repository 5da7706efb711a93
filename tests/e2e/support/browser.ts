import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

const CHROMIUM = '/usr/bin/chromium'
export const hasChromium = existsSync(CHROMIUM)
const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export type Browser = { context: BrowserContext; page: Page; close: () => Promise<void> }

/** Debian's Chromium, headless, in a throwaway profile (launchPersistentContext: see stack.md). */
export async function openBrowser(
  options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {},
): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: number }

/** Runs axe-core on the page; returns the serious and critical violations. */
export async function findSeriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // Evaluated through the DevTools protocol: the app's CSP refuses an injected <script> tag.
    await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'))
  }
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Document) => Promise<{
            violations: Array<{ id: string; impact: string | null; help: string; nodes: unknown[] }>
          }>
        }
      }
    ).axe
    const result = await axe.run(document)
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
    }))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** The tallest picture saveScreenshot takes, in CSS pixels. */
const MAX_SHOT_HEIGHT = 8000

/**
 * Saves a screenshot of the whole page to <SCREENSHOTS_DIR>/<name>.png: tests/.tmp/screenshots
 * by default, so a test run leaves the tree clean; `npm run screenshots` points it at
 * docs/screenshots to refresh the README's pictures. The viewport is grown to
 * the page's height for the shot, so sticky parts (status bar, answer box, model answer) sit where
 * they belong instead of over the content, as a full-page capture of a scrolled page draws them.
 * At most MAX_SHOT_HEIGHT tall: a strong interview's review at 1280 px (about 6,600 px) fits whole;
 * the same review at 375 px runs far longer and is cut there.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const dir = join(ROOT, process.env.SCREENSHOTS_DIR ?? 'tests/.tmp/screenshots')
  mkdirSync(dir, { recursive: true })
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 }
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  await page.setViewportSize({
    width: viewport.width,
    height: Math.min(Math.max(height, viewport.height), MAX_SHOT_HEIGHT),
  })
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: join(dir, `${name}.png`) })
  await page.setViewportSize(viewport)
}

/** The phone width every screen is checked and pictured at (an iPhone's 375 x 812). */
export const PHONE = { width: 375, height: 812 }

/**
 * saveScreenshot at the page's own size as `<name>`, then at PHONE as `<name>-375`, so every
 * screen is pictured at both widths; the page is given back at its own size.
 */
export async function saveScreenshotsAtBothWidths(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name)
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 }
  await page.setViewportSize(PHONE)
  // Two frames: resize observers (the history chart) redraw for the new width first.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  )
  await saveScreenshot(page, `${name}-375`)
  await page.setViewportSize(viewport)
}
