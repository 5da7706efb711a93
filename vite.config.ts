import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { recordWebBuildInputs } from './scripts/web-build/record-web-build-inputs.js'

export default defineConfig({
  root: 'web',
  // The stamp beside dist/ lets `npm start` skip the build when no source changed.
  plugins: [react(), recordWebBuildInputs(fileURLToPath(new URL('.', import.meta.url)))],
  resolve: {
    // rehype-highlight imports lowlight's 37 common grammars as a default; the web client passes
    // its own five, so the package is swapped for a core without the defaults (see the module).
    alias: [
      {
        find: /^lowlight$/,
        replacement: fileURLToPath(
          new URL('./web/src/shared/markdown/lowlight-core.ts', import.meta.url),
        ),
      },
    ],
  },
  build: { outDir: '../dist/web', emptyOutDir: true },
  server: { proxy: { '/api': { target: 'http://127.0.0.1:8787', ws: true } } },
})
