/**
 * Stands in for the `lowlight` package in the web build (see the alias in vite.config.ts):
 * rehype-highlight falls back to lowlight's 37 "common" grammars, and importing them bundles
 * them all even though HighlightedMarkdown registers only five. With this module the fallback is
 * empty and only the grammars we pass are bundled.
 */
export { createLowlight } from '../../../../node_modules/lowlight/lib/index.js'

export const common = {}
export const all = {}
