-- The asker (or the school) marks a thread solved: no longer waiting, reminders cancelled. KEYS as file.lua.
-- ARGV: number, at (ISO). Returns 0 when unknown or solved already.
local state = redis.call('HGET', KEYS[1], 'state')
if not state or state == 'SOLVED' then return 0 end
redis.call('HSET', KEYS[1], 'state', 'SOLVED', 'solved', ARGV[2])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('ZREM', KEYS[5], ARGV[1])
cancel_job(KEYS[7], KEYS[8], 'inbox-remind', ARGV[1])
cancel_job(KEYS[7], KEYS[8], 'inbox-escalate', ARGV[1])
return 1
