-- Settles a leased job, only while it still holds the lease this run gave it (it was not rescheduled since).
-- KEYS: due set, job hash, failed set, failed hash. ARGV: key, lease end, outcome ('done', 'later', 'retry',
-- 'failed'), next due (epoch ms) or failed-at, the record to keep (JSON, for retry and failed).
if tonumber(redis.call('ZSCORE', KEYS[1], ARGV[1]) or '-1') ~= tonumber(ARGV[2]) then return 0 end
if ARGV[3] == 'done' then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[2], ARGV[1])
elseif ARGV[3] == 'later' then
  redis.call('ZADD', KEYS[1], ARGV[4], ARGV[1])
elseif ARGV[3] == 'retry' then
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[5])
  redis.call('ZADD', KEYS[1], ARGV[4], ARGV[1])
else
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[2], ARGV[1])
  redis.call('HSET', KEYS[4], ARGV[1], ARGV[5])
  redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
end
return 1
