/**
 * A failure at start that the operator can fix (a folder this user may not write, a damaged
 * file): main.ts prints its message, one line naming the file and what to do, with no stack.
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StartupError'
  }
}
