-- Holds a free seat for one waiting family and schedules the end of the hold. KEYS: slot, wait, waiter, offers,
-- waits (of the family), jobs due, jobs data. ARGV: family, now (epoch s), expiry (epoch s), slot id, slot start
-- (epoch s), stations... Returns {'OFFERED', station, child, person}, or RETRY / BUSY / NONE.
local family = ARGV[1]
if not redis.call('ZSCORE', KEYS[2], family) then return {'RETRY'} end
local function drop()
  redis.call('ZREM', KEYS[2], family)
  redis.call('HDEL', KEYS[3], family)
  redis.call('ZREM', KEYS[5], ARGV[4])
end
if redis.call('HEXISTS', KEYS[1], 'f:' .. family) == 1 then drop() return {'RETRY'} end
local now = tonumber(ARGV[2])
local current = redis.call('HGET', KEYS[4], family)
if current and offer_of(current).expiry > now then return {'BUSY'} end
local station = nil
for i = 6, #ARGV do
  if seat_free(redis.call('HGET', KEYS[1], 's:' .. ARGV[i]), '', now) then station = ARGV[i] break end
end
if not station then return {'NONE'} end
local waiter = waiter_of(redis.call('HGET', KEYS[3], family))
drop()
redis.call('HSET', KEYS[1], 's:' .. station, 'H:' .. family .. ':' .. ARGV[3])
redis.call('EXPIRE', KEYS[1], math.max(60, tonumber(ARGV[5]) + 86400 - now))
redis.call('HSET', KEYS[4], family, cjson.encode({slot = ARGV[4], station = station, child = waiter.child,
    person = waiter.person, expiry = ARGV[3]}))
schedule_job(KEYS[6], KEYS[7], 'call-offer-end', family .. ':' .. ARGV[4], tonumber(ARGV[3]) * 1000, {})
return {'OFFERED', station, waiter.child, waiter.person}
