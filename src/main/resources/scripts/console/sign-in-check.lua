local locked = redis.call('PTTL', KEYS[1])
if locked > 0 then return {'LOCKED', locked} end
if redis.call('EXISTS', KEYS[2]) == 0 or redis.call('EXISTS', KEYS[4]) == 1 then return {'CHECK', 0} end
if redis.call('SET', KEYS[3], '1', 'NX', 'PX', ARGV[1]) then return {'CHECK', 0} end
return {'SLOWED', math.max(redis.call('PTTL', KEYS[3]), 1)}
