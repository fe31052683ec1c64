-- Takes a seat for a family, within its weekly cap, in one step. KEYS and ARGV 1-13 as in booking.lua;
-- the slot's open stations from ARGV[14].
if redis.call('HEXISTS', KEYS[1], 'f:' .. ARGV[1]) == 1 then return {'ALREADY_BOOKED'} end
local station = pick(KEYS[1], ARGV[1], tonumber(ARGV[8]), 14)
if not station then return {'FULL'} end
if redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[2]) then return {'FAMILY_CAP'} end
local no = string.format('V%04d', redis.call('INCR', KEYS[3]))
write(no, station)
return {'BOOKED', no, station}
