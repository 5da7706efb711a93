import { defineKvScript } from './kv-script-runner.js'

/*
 * The stream log of a session in Redis / Vercel KV (session-event-relay.ts): a counter giving
 * seqs and a capped list of "<seq> <message JSON>" entries, so every instance numbers a
 * session's messages alike and any instance can replay them for `resume`.
 */

/**
 * Appends messages with consecutive seqs. A missing counter starts at the caller's clock
 * (milliseconds), as one process's seqs always did, so a restart or an expired log never
 * reuses a seq a client has seen. With publish on, the new entries go out on the session's
 * channel in one message (joined by newlines; JSON holds none), in seq order: scripts run one
 * at a time, so subscribers see batches in the order the seqs were given.
 * KEYS: counter, log. ARGV: base, max entries, ttl ms, '1' | '0' publish, channel, messages...
 * Reply: the first new seq.
 */
export const APPEND_EVENTS_SCRIPT = defineKvScript(
  'append-events',
  `
if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('SET', KEYS[1], ARGV[1]) end
local first = nil
local entries = {}
for i = 6, #ARGV do
  local seq = redis.call('INCR', KEYS[1])
  if not first then first = seq end
  local entry = seq .. ' ' .. ARGV[i]
  entries[#entries + 1] = entry
  redis.call('RPUSH', KEYS[2], entry)
end
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[2]), -1)
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
if ARGV[4] == '1' then redis.call('PUBLISH', ARGV[5], table.concat(entries, '\\n')) end
return first
`,
)

/**
 * The logged entries after a seq. A missing counter is created at the caller's clock, so a
 * session's first reader and first writer agree on where its seqs start.
 * KEYS: counter, log. ARGV: after seq, base, ttl ms. Reply: {last seq, first logged seq, entries}.
 */
export const READ_EVENTS_SCRIPT = defineKvScript(
  'read-events',
  `
if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
local last = tonumber(redis.call('GET', KEYS[1]))
local first = last - redis.call('LLEN', KEYS[2]) + 1
local from = math.max(tonumber(ARGV[1]) + 1, first)
if from > last then return {last, first, {}} end
return {last, first, redis.call('LRANGE', KEYS[2], from - first, -1)}
`,
)
