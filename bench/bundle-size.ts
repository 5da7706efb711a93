/**
 * Web bundle sizes: gzip size of every asset in dist/web, split into what the first page loads
 * (the entry script, the chunks index.html preloads, the stylesheets it links) and the chunks
 * loaded later (review, history, chart, highlighting...). Writes the "## Web bundle" section of
 * docs/benchmarks.md, leaving the other sections alone. Exits 1 when the first page is over budget.
 *
 * Run: `npm run bench:bundle` (builds first) or `npx tsx bench/bundle-size.ts` on an existing build.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { replaceSection } from './stream/replace-section.js'

const DIST = 'dist/web'
const REPORT = 'docs/benchmarks.md'
const SECTION = '## Web bundle'
/** The target for the first page, in gzip bytes. */
const BUDGET = 150 * 1024

type Asset = { file: string; raw: number; gzip: number; entry: boolean }

/** The asset paths index.html loads up front: module script, modulepreloads, stylesheets. */
export function entryAssets(html: string): string[] {
  const refs = new Set<string>()
  for (const match of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const tag = match[0]
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1]
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1]
    if (!url || !url.startsWith('/assets/')) continue
    if (match[1] === 'script' || rel === 'modulepreload' || rel === 'stylesheet')
      refs.add(url.slice(1))
  }
  return [...refs]
}

/** `review-page-CHUUKY8c.js` → `review-page.js`: names that stay put from build to build. */
export function stableName(file: string): string {
  return file.replace(/^assets\//, '').replace(/-[A-Za-z0-9_-]{8}(\.\w+)$/, '$1')
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

async function measure(): Promise<Asset[]> {
  const html = await readFile(join(DIST, 'index.html'), 'utf8')
  const entry = new Set(entryAssets(html))
  const files = (await readdir(join(DIST, 'assets'))).filter((f) => /\.(js|css)$/.test(f))
  const assets: Asset[] = []
  for (const name of files) {
    const file = `assets/${name}`
    const bytes = await readFile(join(DIST, file))
    assets.push({
      file,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      entry: entry.has(file),
    })
  }
  const htmlBytes = Buffer.from(html)
  assets.push({
    file: 'index.html',
    raw: htmlBytes.length,
    gzip: gzipSync(htmlBytes, { level: 9 }).length,
    entry: true,
  })
  return assets.sort((a, b) => Number(b.entry) - Number(a.entry) || b.gzip - a.gzip)
}

export function renderSection(assets: Asset[], date: string): string {
  const first = assets.filter((a) => a.entry)
  const lazy = assets.filter((a) => !a.entry)
  const sum = (list: Asset[], key: 'raw' | 'gzip') => list.reduce((n, a) => n + a[key], 0)
  const firstGzip = sum(first, 'gzip')
  const rows = (list: Asset[]) =>
    list.map((a) => `| ${stableName(a.file)} | ${kb(a.raw)} | ${kb(a.gzip)} |`)
  return [
    SECTION,
    '',
    'What is measured: the gzip size (level 9) of each asset of the production build (`vite build`',
    'into dist/web). "First page" is what loading the library page fetches before any',
    'interaction: index.html, its module script, the chunks it preloads and its stylesheet. Every',
    'other page (question, interview, review, history), the uPlot chart and the code highlighting',
    'are separate chunks loaded on demand.',
    '',
    `Run: \`npm run bench:bundle\` (${date}, Node ${process.version}).`,
    '',
    `**First page: ${kb(firstGzip)} gzip** (${kb(sum(first, 'raw'))} raw), target < ${kb(BUDGET)}: ${firstGzip < BUDGET ? 'met' : 'NOT met'}.`,
    `Loaded on demand: ${kb(sum(lazy, 'gzip'))} gzip in ${lazy.length} chunks.`,
    '',
    '| first page | raw | gzip |',
    '|---|---|---|',
    ...rows(first),
    '',
    '| loaded on demand | raw | gzip |',
    '|---|---|---|',
    ...rows(lazy),
    '',
  ].join('\n')
}

async function main() {
  const assets = await measure()
  const section = renderSection(assets, new Date().toISOString().slice(0, 10))
  const current = await readFile(REPORT, 'utf8').catch(() => '# Benchmarks\n')
  await writeFile(REPORT, replaceSection(current, SECTION, section))
  console.log(section)
  const firstGzip = assets.filter((a) => a.entry).reduce((n, a) => n + a.gzip, 0)
  if (firstGzip >= BUDGET) process.exitCode = 1
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
