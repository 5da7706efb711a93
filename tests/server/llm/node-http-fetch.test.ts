import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createNodeHttpFetch, nodeBodyOf } from '../../../server/llm/node-http-fetch.js'

/** A real local server (no msw): it counts the connections the fetch opens. */
async function startServer(handler: http.RequestListener) {
  const server = http.createServer(handler)
  let connections = 0
  server.on('connection', () => connections++)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  servers.push(server)
  return {
    url,
    get connections() {
      return connections
    },
  }
}
const servers: http.Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections()
    await new Promise((resolve) => s.close(resolve))
  }
})

describe('createNodeHttpFetch', () => {
  it('sends the method, headers and body, and reuses its connection once a body is read', async () => {
    const server = await startServer((req, res) => {
      let body = ''
      req.on('data', (d: Buffer) => (body += String(d)))
      req.on('end', () => res.end(`${req.method} ${req.headers['x-probe']} ${body}`))
    })
    const fetch = createNodeHttpFetch()
    for (const n of [1, 2]) {
      const res = await fetch(`${server.url}/v1`, {
        method: 'POST',
        headers: { 'x-probe': 'p' },
        body: `call ${n}`,
      })
      expect(await res.text()).toBe(`POST p call ${n}`)
    }
    expect(server.connections).toBe(1)
  })

  it('frees the connection of a response without a body (204) for the next request', async () => {
    const server = await startServer((req, res) => {
      res.statusCode = req.url === '/empty' ? 204 : 200
      res.end(req.url === '/empty' ? undefined : 'ok')
    })
    const fetch = createNodeHttpFetch()
    const empty = await fetch(`${server.url}/empty`)
    expect(empty.status).toBe(204)
    expect(empty.body).toBeNull()
    // Nobody can read a null body: unless the fetch drains the response itself, its socket
    // stays busy and the next request opens another connection.
    expect(await (await fetch(`${server.url}/next`)).text()).toBe('ok')
    expect(server.connections).toBe(1)
  })

  it('gives the Node stream itself to readers that use it', async () => {
    const server = await startServer((_req, res) => {
      res.write('data: a\n\n')
      res.end('data: [DONE]\n\n')
    })
    const res = await createNodeHttpFetch()(`${server.url}/stream`)
    const node = nodeBodyOf(res)!
    let text = ''
    for await (const chunk of node) text += String(chunk)
    expect(text).toBe('data: a\n\ndata: [DONE]\n\n')
  })

  it('refuses a body that is not a string', async () => {
    const server = await startServer((_req, res) => res.end())
    await expect(
      createNodeHttpFetch()(`${server.url}/`, { method: 'POST', body: new Uint8Array([1]) }),
    ).rejects.toThrow(/string bodies only/)
  })
})
