-- Stores a report and schedules its deadlines in one step, before anyone is told.
-- KEYS: header, events, all, open, the class's, the child's, the child's open, jobs' due set, jobs' hash.
-- ARGV: number, reported (ms), the first events (JSON, two), safety net at (ms), deliveries at (ms),
-- then alarm and deadline at (ms) of GUARDIANS, PARENTS, AUTHORITY (six), then the header's field/value pairs.
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local n = ARGV[1]
redis.call('HSET', KEYS[1], unpack(ARGV, 13))
redis.call('RPUSH', KEYS[2], ARGV[3], ARGV[4])
for i = 3, 7 do redis.call('ZADD', KEYS[i], ARGV[2], n) end
schedule_job(KEYS[8], KEYS[9], 'emergency-notify', n, ARGV[5], {})
schedule_job(KEYS[8], KEYS[9], 'emergency-deliveries', n, ARGV[6], {})
local steps = {'GUARDIANS', 'PARENTS', 'AUTHORITY'}
for i, step in ipairs(steps) do
  schedule_job(KEYS[8], KEYS[9], 'emergency-alert', n .. ':' .. step, ARGV[5 + 2 * i], {step = step})
  schedule_job(KEYS[8], KEYS[9], 'emergency-late', n .. ':' .. step, ARGV[6 + 2 * i], {step = step})
end
return 1
