-- Moves a booking to another station of its slot when that seat is free (a closure took its station).
-- KEYS: bookings, slot. ARGV: number, record as read, moved record, old station, new station, now (epoch s).
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
if not seat_free(redis.call('HGET', KEYS[2], 's:' .. ARGV[5]), '', tonumber(ARGV[6])) then return 0 end
redis.call('HSET', KEYS[2], 's:' .. ARGV[5], ARGV[1])
if redis.call('HGET', KEYS[2], 's:' .. ARGV[4]) == ARGV[1] then redis.call('HDEL', KEYS[2], 's:' .. ARGV[4]) end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
