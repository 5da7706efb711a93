import { serve } from '@hono/node-server'
import { WebSocketServer } from 'ws'
import { createApp } from './app.js'
import { EnvError, parseEnv } from './env.js'
import { loadQuestionBank } from './questions/question-bank.js'

/** The entry file: parse env, build the real adapters, start the server. */
async function main() {
  const env = parseEnv(process.env)
  const bank = await loadQuestionBank(env.QUESTIONS_DIR)
  const app = createApp({ bank, webDistDir: env.WEB_DIST_DIR })
  const wss = new WebSocketServer({ noServer: true })
  const server = serve(
    { fetch: app.fetch, port: env.PORT, hostname: env.HOST, websocket: { server: wss } },
    (info) =>
      console.log(
        `Sparring on http://${env.HOST}:${info.port}/ (${bank.questions.length} questions)`,
      ),
  )
  const stop = () => {
    for (const client of wss.clients) client.terminate()
    server.close(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(err instanceof EnvError ? err.message : err)
  process.exit(1)
})
