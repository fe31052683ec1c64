-- Files a thread in one step with its reminders. KEYS: header, entries, open, open of class, open of teacher,
-- all, jobs' due set, jobs' hash, the class's threads, the teacher's threads, the child's threads.
-- ARGV: number, filed (ms), first entry (JSON), remind at (ms or ''), escalate at (ms or ''), class id (or ''),
-- teacher id (or ''), child id (or ''), then the header's field/value pairs.
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 9))
redis.call('RPUSH', KEYS[2], ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
if ARGV[6] ~= '' then
  redis.call('ZADD', KEYS[4], ARGV[2], ARGV[1])
  redis.call('ZADD', KEYS[9], ARGV[2], ARGV[1])
end
if ARGV[7] ~= '' then
  redis.call('ZADD', KEYS[5], ARGV[2], ARGV[1])
  redis.call('ZADD', KEYS[10], ARGV[2], ARGV[1])
end
if ARGV[8] ~= '' then redis.call('ZADD', KEYS[11], ARGV[2], ARGV[1]) end
redis.call('ZADD', KEYS[6], ARGV[2], ARGV[1])
if ARGV[4] ~= '' then schedule_job(KEYS[7], KEYS[8], 'inbox-remind', ARGV[1], ARGV[4], {}) end
if ARGV[5] ~= '' then schedule_job(KEYS[7], KEYS[8], 'inbox-escalate', ARGV[1], ARGV[5], {}) end
return 1
