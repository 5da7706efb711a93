import { defineKvScript } from './kv-script-runner.js'

/*
 * The other store operations, each one Lua script (atomic, one round trip). The key layout is
 * in kv-keys.ts. Replies are plain strings, integers and arrays, checked with zod in
 * kv-session-store.ts. Lua cannot return nil inside an array, so "absent" is a status word.
 */

/** KEYS: session hash, owner index. ARGV: owner member, then field/value pairs. Reply: 1 | 0. */
export const CREATE_SESSION_SCRIPT = defineKvScript(
  'create-session',
  `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('ZADD', KEYS[2], 0, ARGV[1])
return 1
`,
)

/** KEYS: session hash, turns list. Reply: {flat session hash, turn records} (empty hash: absent). */
export const READ_SESSION_SCRIPT = defineKvScript(
  'read-session',
  `return {redis.call('HGETALL', KEYS[1]), redis.call('LRANGE', KEYS[2], 0, -1)}`,
)

/** KEYS: any number of session hashes. Reply: one flat hash per key. */
export const READ_SESSIONS_SCRIPT = defineKvScript(
  'read-sessions',
  `
local out = {}
for i, key in ipairs(KEYS) do out[i] = redis.call('HGETALL', key) end
return out
`,
)

/** KEYS: owner index. ARGV: exclusive upper bound ('+' for the first page), count. */
export const LIST_OWNER_SCRIPT = defineKvScript(
  'list-owner',
  `return redis.call('ZREVRANGEBYLEX', KEYS[1], ARGV[1], '-', 'LIMIT', 0, ARGV[2])`,
)

/** KEYS: session hash. ARGV: field/value pairs. Reply: {'missing'} | {'updated', flat hash}. */
export const UPDATE_SESSION_SCRIPT = defineKvScript(
  'update-session',
  `
if redis.call('EXISTS', KEYS[1]) == 0 then return {'missing'} end
if #ARGV > 0 then redis.call('HSET', KEYS[1], unpack(ARGV)) end
return {'updated', redis.call('HGETALL', KEYS[1])}
`,
)

/** KEYS: turn-ids hash, turns list. ARGV: turn id. Reply: {'missing'} | {'found', seq, record}. */
export const READ_TURN_SCRIPT = defineKvScript(
  'read-turn',
  `
local found = redis.call('HGET', KEYS[1], ARGV[1])
if not found then return {'missing'} end
local seq = tonumber(found)
return {'found', seq, redis.call('LINDEX', KEYS[2], seq - 1)}
`,
)

/**
 * Compare-and-set of one turn record, so two concurrent updateTurn calls cannot lose each
 * other's patch. KEYS: turns list, lease-token counter. ARGV: index, expected record, new
 * record, fence token or ''. Reply: 1 | 0 (changed meanwhile) | 2 (fenced).
 */
export const REPLACE_TURN_SCRIPT = defineKvScript(
  'replace-turn',
  `
if ARGV[4] ~= '' and redis.call('GET', KEYS[2]) ~= ARGV[4] then return 2 end
if redis.call('LINDEX', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('LSET', KEYS[1], ARGV[1], ARGV[3])
return 1
`,
)

/**
 * Creates the fork and copies the source's turns with seq <= upto, with their turn-id and
 * clientId entries; records hold neither seq nor sessionId, so they are copied verbatim.
 * KEYS: source session, turns, turn-ids, client-ids; fork session, turns, turn-ids,
 * client-ids; fork owner index. ARGV: upto, fork owner member, fork field/value pairs.
 * Reply: 'missing' | 'conflict' | 'forked'.
 */
export const FORK_SESSION_SCRIPT = defineKvScript(
  'fork-session',
  `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'missing' end
if redis.call('EXISTS', KEYS[5]) == 1 then return 'conflict' end
redis.call('HSET', KEYS[5], unpack(ARGV, 3))
redis.call('ZADD', KEYS[9], 0, ARGV[2])
local upto = tonumber(ARGV[1])
if upto >= 1 then
  for _, record in ipairs(redis.call('LRANGE', KEYS[2], 0, upto - 1)) do
    redis.call('RPUSH', KEYS[6], record)
  end
end
local function copyUpTo(from, to)
  local flat = redis.call('HGETALL', from)
  for i = 1, #flat, 2 do
    if tonumber(flat[i + 1]) <= upto then redis.call('HSET', to, flat[i], flat[i + 1]) end
  end
end
copyUpTo(KEYS[3], KEYS[7])
copyUpTo(KEYS[4], KEYS[8])
return 'forked'
`,
)

/** KEYS: session hash, grade. ARGV: grade JSON. Reply: 1 | 0 (no such session). */
export const SAVE_GRADE_SCRIPT = defineKvScript(
  'save-grade',
  `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('SET', KEYS[2], ARGV[1])
return 1
`,
)

/** KEYS: any string key. Reply: its value or null. */
export const READ_STRING_SCRIPT = defineKvScript('read-string', `return redis.call('GET', KEYS[1])`)

/** KEYS: a hash. ARGV: field. Reply: its value or null. */
export const READ_HASH_FIELD_SCRIPT = defineKvScript(
  'read-hash-field',
  `return redis.call('HGET', KEYS[1], ARGV[1])`,
)

/**
 * Replaces (or with ARGV[2] = '0', revokes) a session's share token; a token held by another
 * session is a conflict. KEYS: session hash, share-tokens hash, share-of hash.
 * ARGV: session id, '1' | '0', token. Reply: 'missing' | 'conflict' | 'set'.
 */
export const SET_SHARE_TOKEN_SCRIPT = defineKvScript(
  'set-share-token',
  `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'missing' end
if ARGV[2] == '1' then
  local holder = redis.call('HGET', KEYS[2], ARGV[3])
  if holder and holder ~= ARGV[1] then return 'conflict' end
end
local old = redis.call('HGET', KEYS[3], ARGV[1])
if old then redis.call('HDEL', KEYS[2], old) end
if ARGV[2] == '1' then
  redis.call('HSET', KEYS[2], ARGV[3], ARGV[1])
  redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
else
  redis.call('HDEL', KEYS[3], ARGV[1])
end
return 'set'
`,
)
