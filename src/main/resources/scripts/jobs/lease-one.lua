-- Leases one job when it is due now (a feature runs the job its own change caused at once; the poll runs it
-- after a crash). KEYS: due set, job hash. ARGV: key, now (epoch ms), lease end (epoch ms).
-- Returns {record} when leased, {} when it is not due (or not there, or another run holds it).
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score or tonumber(score) > tonumber(ARGV[2]) then return {} end
local record = redis.call('HGET', KEYS[2], ARGV[1])
if not record then
  redis.call('ZREM', KEYS[1], ARGV[1])
  return {}
end
redis.call('ZADD', KEYS[1], 'XX', ARGV[3], ARGV[1])
return {record}
