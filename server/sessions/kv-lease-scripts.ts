import { defineKvScript } from './kv-script-runner.js'

/*
 * Session leases and grading jobs in Redis / Vercel KV (key layout in kv-keys.ts). Expiry is
 * the server's own key TTL (PX), so no instance's clock is ever compared with another's.
 * A lease's value is "<token> <holder>"; the token counter only grows.
 */

/**
 * KEYS: lease, lease-token counter. ARGV: holder, ttl ms.
 * Reply: {'acquired', token} | {'held', holder, pttl}.
 */
export const ACQUIRE_LEASE_SCRIPT = defineKvScript(
  'acquire-lease',
  `
local current = redis.call('GET', KEYS[1])
if current then
  local space = string.find(current, ' ', 1, true)
  local holder = string.sub(current, space + 1)
  if holder ~= ARGV[1] then return {'held', holder, redis.call('PTTL', KEYS[1])} end
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return {'acquired', tonumber(string.sub(current, 1, space - 1))}
end
local token = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], token .. ' ' .. ARGV[1], 'PX', ARGV[2])
return {'acquired', token}
`,
)

/** KEYS: lease. ARGV: "<token> <holder>", ttl ms. Reply: 1 renewed | 0 lost. */
export const RENEW_LEASE_SCRIPT = defineKvScript(
  'renew-lease',
  `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`,
)

/** KEYS: lease. ARGV: "<token> <holder>". Reply: 1 released | 0 not held. */
export const RELEASE_LEASE_SCRIPT = defineKvScript(
  'release-lease',
  `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1
`,
)

/**
 * KEYS: job hash, job lease, open-jobs set. ARGV: session id, now.
 * Reply: 'queued' | 'already'.
 */
export const ENQUEUE_JOB_SCRIPT = defineKvScript(
  'enqueue-grading-job',
  `
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'queued' or (state == 'running' and redis.call('EXISTS', KEYS[2]) == 1) then
  return 'already'
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'sessionId', ARGV[1], 'state', 'queued',
  'message', 'Waiting to be graded.', 'attempts', 0, 'updatedAt', ARGV[2])
redis.call('SADD', KEYS[3], ARGV[1])
return 'queued'
`,
)

/**
 * KEYS: job hash, job lease, open-jobs set. ARGV: session id, holder, ttl ms, max attempts,
 * now, the gave-up message. Reply: {'none'} | {'busy'} | {'claimed' | 'gave-up', flat hash}.
 */
export const CLAIM_JOB_SCRIPT = defineKvScript(
  'claim-grading-job',
  `
local state = redis.call('HGET', KEYS[1], 'state')
if state ~= 'queued' and state ~= 'running' then
  redis.call('SREM', KEYS[3], ARGV[1])
  return {'none'}
end
if redis.call('EXISTS', KEYS[2]) == 1 then return {'busy'} end
local attempts = tonumber(redis.call('HGET', KEYS[1], 'attempts')) or 0
if attempts >= tonumber(ARGV[4]) then
  redis.call('HSET', KEYS[1], 'state', 'failed', 'message', ARGV[6], 'updatedAt', ARGV[5])
  redis.call('HDEL', KEYS[1], 'holder')
  redis.call('SREM', KEYS[3], ARGV[1])
  return {'gave-up', redis.call('HGETALL', KEYS[1])}
end
redis.call('HSET', KEYS[1], 'state', 'running', 'message', 'Grading in progress.',
  'attempts', attempts + 1, 'holder', ARGV[2], 'updatedAt', ARGV[5])
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
return {'claimed', redis.call('HGETALL', KEYS[1])}
`,
)

/**
 * KEYS: job lease, job hash. ARGV: holder, ttl ms, '1' when a message follows, message.
 * Reply: 1 | 0 (no longer this holder's).
 */
export const RENEW_JOB_SCRIPT = defineKvScript(
  'renew-grading-job',
  `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
if ARGV[3] == '1' then redis.call('HSET', KEYS[2], 'message', ARGV[4]) end
return 1
`,
)

/**
 * KEYS: job lease, job hash, open-jobs set. ARGV: holder, state, '1' when a message follows,
 * message, now, session id. Reply: 1 | 0 (no longer this holder's).
 */
export const FINISH_JOB_SCRIPT = defineKvScript(
  'finish-grading-job',
  `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[2], 'state', ARGV[2], 'updatedAt', ARGV[5])
if ARGV[3] == '1' then
  redis.call('HSET', KEYS[2], 'message', ARGV[4])
else
  redis.call('HDEL', KEYS[2], 'message')
end
redis.call('HDEL', KEYS[2], 'holder')
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[3], ARGV[6])
return 1
`,
)

/** KEYS: a set. Reply: its members. */
export const READ_SET_SCRIPT = defineKvScript('read-set', `return redis.call('SMEMBERS', KEYS[1])`)

/** KEYS: a hash. Reply: it, flat. */
export const READ_HASH_SCRIPT = defineKvScript('read-hash', `return redis.call('HGETALL', KEYS[1])`)
