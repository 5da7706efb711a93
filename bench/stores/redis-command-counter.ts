import { Redis } from 'ioredis'

export type CommandCounter = { count(): number; stop(): Promise<void> }

/**
 * Counts the commands clients send to a Redis server, through MONITOR: the round trips a store
 * costs. Commands a Lua script runs inside the server are reported by MONITOR as coming from
 * "lua" and are left out, since they cost no round trip.
 */
export async function countRedisCommands(url: string): Promise<CommandCounter> {
  const client = new Redis(url)
  const monitor = await client.monitor()
  let commands = 0
  monitor.on('monitor', (_time: string, _args: string[], source: string) => {
    if (source !== 'lua') commands++
  })
  return {
    count: () => commands,
    async stop() {
      monitor.disconnect()
      await client.quit()
    },
  }
}
