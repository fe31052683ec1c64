-- A teacher's answer: the entry added, the thread answered (its first answer's time kept), no longer waiting, its
-- reminders cancelled. KEYS as file.lua. ARGV: number, entry (JSON), at (ISO), answered by (person id).
-- Returns the entry's place in the thread (from 1), 0 when the thread is unknown or solved.
local state = redis.call('HGET', KEYS[1], 'state')
if not state or state == 'SOLVED' then return 0 end
local entry = redis.call('RPUSH', KEYS[2], ARGV[2])
redis.call('HSET', KEYS[1], 'state', 'ANSWERED', 'answeredBy', ARGV[4])
redis.call('HSETNX', KEYS[1], 'firstAnswer', ARGV[3])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('ZREM', KEYS[5], ARGV[1])
cancel_job(KEYS[7], KEYS[8], 'inbox-remind', ARGV[1])
cancel_job(KEYS[7], KEYS[8], 'inbox-escalate', ARGV[1])
return entry
