import { defineKvScript } from './kv-script-runner.js'

/**
 * appendTurn in one atomic step, so any number of instances can append to one session:
 * check the session exists, dedupe a candidate turn by clientId, assign seq = last + 1 (the
 * list's new length after RPUSH), index the turn id and clientId, and move updatedAt.
 *
 * A replay of the very same turn (same id and record, e.g. a client library resending a
 * command whose reply was lost to a dropped connection) returns the stored turn instead of
 * appending it twice; the same id with a different record is a conflict.
 *
 * With a fence (ARGV[6], a lease token), the write is refused unless that token is still the
 * session's latest (session-lease.ts).
 *
 * KEYS: session hash, turns list, turn-ids hash, client-ids hash, lease-token counter.
 * ARGV: turn id, turn record, '1' when a clientId follows else '0', clientId, updatedAt (JSON),
 * fence token or ''.
 * Reply: {'missing'} | {'conflict'} | {'fenced'} | {'appended' | 'duplicate', seq, record}.
 */
export const APPEND_TURN_SCRIPT = defineKvScript(
  'append-turn',
  `
if redis.call('EXISTS', KEYS[1]) == 0 then return {'missing'} end
if ARGV[6] ~= '' and redis.call('GET', KEYS[5]) ~= ARGV[6] then return {'fenced'} end
if ARGV[3] == '1' then
  local earlier = redis.call('HGET', KEYS[4], ARGV[4])
  if earlier then
    local seq = tonumber(earlier)
    return {'duplicate', seq, redis.call('LINDEX', KEYS[2], seq - 1)}
  end
end
local existing = redis.call('HGET', KEYS[3], ARGV[1])
if existing then
  local seq = tonumber(existing)
  local stored = redis.call('LINDEX', KEYS[2], seq - 1)
  if stored == ARGV[2] then return {'appended', seq, stored} end
  return {'conflict'}
end
local seq = redis.call('RPUSH', KEYS[2], ARGV[2])
redis.call('HSET', KEYS[3], ARGV[1], seq)
if ARGV[3] == '1' then redis.call('HSET', KEYS[4], ARGV[4], seq) end
redis.call('HSET', KEYS[1], 'updatedAt', ARGV[5])
return {'appended', seq, ARGV[2]}
`,
)
