-- Ends an offer as read: frees the held seat and drops the end-of-hold job. KEYS: offers, slot, jobs due, jobs
-- data. ARGV: family, offer as read.
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
local offer = offer_of(ARGV[2])
redis.call('HDEL', KEYS[1], ARGV[1])
local hold = 'H:' .. ARGV[1] .. ':' .. offer.expiry
if redis.call('HGET', KEYS[2], 's:' .. offer.station) == hold then redis.call('HDEL', KEYS[2], 's:' .. offer.station) end
cancel_job(KEYS[3], KEYS[4], 'call-offer-end', ARGV[1] .. ':' .. offer.slot)
return 1
