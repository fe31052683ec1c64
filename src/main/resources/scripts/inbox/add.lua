-- The asker adds to their thread: the entry added; an answered thread waits for an answer again, with its
-- reminders from now. KEYS as file.lua. ARGV: number, entry (JSON), now (ms), now (ISO), remind at (ms or ''),
-- escalate at (ms or ''), class id (or ''), teacher id (or ''). Returns the entry's place (from 1), 0 when unknown or solved.
local state = redis.call('HGET', KEYS[1], 'state')
if not state or state == 'SOLVED' then return 0 end
local entry = redis.call('RPUSH', KEYS[2], ARGV[2])
if state == 'ANSWERED' then
  redis.call('HSET', KEYS[1], 'state', 'OPEN', 'waitingSince', ARGV[4])
  redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
  if ARGV[7] ~= '' then redis.call('ZADD', KEYS[4], ARGV[3], ARGV[1]) end
  if ARGV[8] ~= '' then redis.call('ZADD', KEYS[5], ARGV[3], ARGV[1]) end
  if ARGV[5] ~= '' then schedule_job(KEYS[7], KEYS[8], 'inbox-remind', ARGV[1], ARGV[5], {}) end
  if ARGV[6] ~= '' then schedule_job(KEYS[7], KEYS[8], 'inbox-escalate', ARGV[1], ARGV[6], {}) end
end
return entry
