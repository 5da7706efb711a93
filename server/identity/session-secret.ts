import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { StartupError } from '../startup-error.js'

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
  try {
    return await readOrCreateSecret(dataDir, path)
  } catch (err) {
    if (err instanceof StartupError) throw err
    const code = (err as NodeJS.ErrnoException).code
    if (code === undefined) throw err
    throw new StartupError(
      `Cannot read or create the cookie secret ${path} (${code}): DATA_DIR (${dataDir}) must be ` +
        'a folder this user can write; fix its permissions, point DATA_DIR elsewhere, or set ' +
        'SESSION_SECRET.',
      { cause: err },
    )
  }
}

async function readOrCreateSecret(dataDir: string, path: string): Promise<string> {
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
    if (text.length < 32) {
      throw new StartupError(
        `${path} holds a secret shorter than 32 characters: delete it to have a new one made ` +
          '(everyone signs in afresh), or set SESSION_SECRET.',
      )
    }
    return text
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}
