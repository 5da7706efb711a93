import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** The file under the data dir that keeps a generated cookie secret across restarts. */
export const SESSION_SECRET_FILE = 'session-secret'

/**
 * The secret that signs identity cookies: SESSION_SECRET when set; otherwise the one stored in
 * `<dataDir>/session-secret`, generated (32 random bytes, base64url) and written with mode 0600
 * on first start, so identities survive restarts without any setup.
 */
export async function loadSessionSecret(dataDir: string, fromEnv?: string): Promise<string> {
  if (fromEnv) return fromEnv
  const path = join(dataDir, SESSION_SECRET_FILE)
  const existing = await readSecret(path)
  if (existing) return existing
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  const secret = randomBytes(32).toString('base64url')
  try {
    // 'wx': never overwrite. If another instance won the race, use the secret it wrote.
    await writeFile(path, `${secret}\n`, { mode: 0o600, flag: 'wx' })
    return secret
  } catch (err) {
    const raced = (err as NodeJS.ErrnoException).code === 'EEXIST' && (await readSecret(path))
    if (raced) return raced
    throw err
  }
}

async function readSecret(path: string): Promise<string | null> {
  try {
    const text = (await readFile(path, 'utf8')).trim()
    if (text.length < 32) throw new Error(`${path} holds a secret shorter than 32 characters.`)
    return text
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}
