import { execFileSync } from 'node:child_process'
import { isWebBuildFresh } from './web-build.js'

// Run under a lock by ensureWebBuild: another test file may have built it meanwhile.
if (!isWebBuildFresh()) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' })
