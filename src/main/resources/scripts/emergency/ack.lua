-- Records an acknowledgement (收到, the link), a call made or the report sent. The step's first one marks it done
-- and cancels its alarm and deadline. KEYS: header, events, acks, jobs' due set, jobs' hash.
-- ARGV: number, step, once-key (a person acknowledges once; '' for calls, each one counts), at (ISO), event (JSON).
-- Returns 0 when the incident is unknown or closed, 2 when this once-key was recorded before, 1 otherwise.
if redis.call('HGET', KEYS[1], 'state') ~= 'OPEN' then return 0 end
if ARGV[3] ~= '' and redis.call('HSETNX', KEYS[3], ARGV[3], ARGV[4]) == 0 then return 2 end
redis.call('RPUSH', KEYS[2], ARGV[5])
local field = 'done' .. ARGV[2]
local done = redis.call('HGET', KEYS[1], field)
if not done or done == '' then
  redis.call('HSET', KEYS[1], field, ARGV[4])
  cancel_job(KEYS[4], KEYS[5], 'emergency-alert', ARGV[1] .. ':' .. ARGV[2])
  cancel_job(KEYS[4], KEYS[5], 'emergency-late', ARGV[1] .. ':' .. ARGV[2])
end
return 1
