-- Books the new slot and cancels the old booking in one step. KEYS and ARGV 1-13 as in booking.lua, then
-- KEYS 13-14: old slot, old week; ARGV 14-17: old number, old record as read, its cancelled record, old station;
-- the new slot's open stations from ARGV[18]. The old booking does not count against the cap of its own week.
if redis.call('HGET', KEYS[4], ARGV[14]) ~= ARGV[15] then return {'NOT_FOUND'} end
if redis.call('HEXISTS', KEYS[1], 'f:' .. ARGV[1]) == 1 then return {'ALREADY_BOOKED'} end
local station = pick(KEYS[1], ARGV[1], tonumber(ARGV[8]), 18)
if not station then return {'FULL'} end
local count = redis.call('SCARD', KEYS[2]) - redis.call('SISMEMBER', KEYS[2], ARGV[14])
if count >= tonumber(ARGV[2]) then return {'FAMILY_CAP'} end
cancel(KEYS[4], KEYS[13], KEYS[14], KEYS[5], KEYS[6], KEYS[11], KEYS[12], ARGV[14], ARGV[15], ARGV[16], ARGV[17],
    ARGV[1], 'rescheduled', ARGV[8])
local no = string.format('V%04d', redis.call('INCR', KEYS[3]))
write(no, station)
return {'BOOKED', no, station}
