local fails = redis.call('INCR', KEYS[1])
if fails == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
local locked = 0
if fails >= tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[4])
  redis.call('DEL', KEYS[1])
  locked = tonumber(ARGV[4])
end
local total = redis.call('INCR', KEYS[3])
if total == 1 then redis.call('PEXPIRE', KEYS[3], ARGV[3]) end
local slowedNow = 0
if redis.call('EXISTS', KEYS[4]) == 1 then
  redis.call('PEXPIRE', KEYS[4], ARGV[6])
elseif total >= tonumber(ARGV[5]) then
  redis.call('SET', KEYS[4], ARGV[1], 'PX', ARGV[6])
  slowedNow = 1
end
-- only real accounts are kept for the admins' page: names made up by the thousand cost 15 minutes of counters
if redis.call('EXISTS', KEYS[7]) == 1 then
  redis.call('HINCRBY', KEYS[5], 'count', 1)
  redis.call('HSETNX', KEYS[5], 'first', ARGV[1])
  redis.call('HSET', KEYS[5], 'last', ARGV[1], 'address', ARGV[11])
  redis.call('PEXPIRE', KEYS[5], ARGV[7])
  redis.call('ZADD', KEYS[6], ARGV[1], ARGV[10])
  redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', '(' .. ARGV[8])
  redis.call('ZREMRANGEBYRANK', KEYS[6], 0, -tonumber(ARGV[9]) - 1)
  redis.call('PEXPIRE', KEYS[6], ARGV[7])
end
return {locked, slowedNow, total}
