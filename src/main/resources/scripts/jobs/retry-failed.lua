-- An admin sends a failed job again: it is due now with a fresh count of attempts.
-- KEYS: due set, job hash, failed set, failed hash. ARGV: key, now (epoch ms), the record to schedule (JSON).
if redis.call('HEXISTS', KEYS[4], ARGV[1]) == 0 then return 0 end
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
return 1
