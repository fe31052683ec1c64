-- Puts a family in the queue of a full slot. KEYS: slot, wait, waiter, waits (of the family), waitslots, waitseq,
-- offers. ARGV: family, waiter record (JSON: child, person), now (epoch s), start (epoch s), slot id, stations...
if redis.call('HEXISTS', KEYS[1], 'f:' .. ARGV[1]) == 1 then return 'ALREADY_BOOKED' end
local now = tonumber(ARGV[3])
local raw = redis.call('HGET', KEYS[7], ARGV[1])
if raw then
  local offer = offer_of(raw)
  if offer.slot == ARGV[5] and offer.expiry > now then return 'ALREADY_WAITING' end
end
if redis.call('ZSCORE', KEYS[2], ARGV[1]) then return 'ALREADY_WAITING' end
for i = 6, #ARGV do
  if seat_free(redis.call('HGET', KEYS[1], 's:' .. ARGV[i]), '', now) then return 'NOT_FULL' end
end
redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[6]), ARGV[1])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
local ttl = math.max(60, tonumber(ARGV[4]) + 86400 - now)
redis.call('EXPIRE', KEYS[2], ttl)
redis.call('EXPIRE', KEYS[3], ttl)
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[5])
redis.call('ZADD', KEYS[5], ARGV[4], ARGV[5])
return 'JOINED'
