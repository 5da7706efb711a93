import type { Plugin } from 'vite'
import { projectModuleFiles, removeWebBuildStamp, writeWebBuildStamp } from './web-build-stamp.js'

/**
 * Vite plugin: after a build has written dist/web, records which project files it was made from
 * (the module graph) and their hash, so `npm start` can skip the next build when none changed.
 */
export function recordWebBuildInputs(projectRoot: string): Plugin {
  let moduleIds: string[] = []
  return {
    name: 'sparring:record-web-build-inputs',
    apply: 'build',
    buildStart() {
      removeWebBuildStamp(projectRoot)
    },
    buildEnd(error) {
      moduleIds = error ? [] : [...this.getModuleIds()]
    },
    writeBundle() {
      if (moduleIds.length > 0)
        writeWebBuildStamp(projectRoot, projectModuleFiles(projectRoot, moduleIds))
    },
  }
}
