import { afterAll, afterEach, beforeAll } from 'vitest'
import { setupServer } from 'msw/node'

/**
 * An msw server for the calling test file: listens for the whole file, fails on any request no
 * handler matches, and drops per-test handlers after each test.
 */
export function useMswServer() {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return server
}
