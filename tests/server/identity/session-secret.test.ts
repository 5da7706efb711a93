import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { loadSessionSecret, SESSION_SECRET_FILE } from '../../../server/identity/session-secret.js'

const dirs: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sparring-secret-'))
  dirs.push(dir)
  return dir
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

it('generates a secret under a new data dir with mode 0600 and reuses it', async () => {
  const dataDir = join(tempDir(), 'data')
  const secret = await loadSessionSecret(dataDir)
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
  const path = join(dataDir, SESSION_SECRET_FILE)
  expect(statSync(path).mode & 0o777).toBe(0o600)
  expect(readFileSync(path, 'utf8').trim()).toBe(secret)
  expect(await loadSessionSecret(dataDir)).toBe(secret)
})

it('generates different secrets for different data dirs', async () => {
  expect(await loadSessionSecret(tempDir())).not.toBe(await loadSessionSecret(tempDir()))
})

it('prefers SESSION_SECRET and then writes nothing', async () => {
  const dataDir = tempDir()
  const fromEnv = 'x'.repeat(40)
  expect(await loadSessionSecret(dataDir, fromEnv)).toBe(fromEnv)
  expect(() => statSync(join(dataDir, SESSION_SECRET_FILE))).toThrow()
})

it('refuses a stored secret that is too short', async () => {
  const dataDir = tempDir()
  writeFileSync(join(dataDir, SESSION_SECRET_FILE), 'short\n')
  await expect(loadSessionSecret(dataDir)).rejects.toThrow(/shorter than 32/)
})
