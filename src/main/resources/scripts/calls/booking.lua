-- Writing and cancelling bookings, for the booking scripts (after jobs/library.lua and calls/seats.lua).
-- KEYS 1-12 of a booking: slot, week, seq, bookings, all, family, offers, wait, waiter, waits (of the family),
-- jobs due, jobs data.
-- ARGV 1-13: family, cap, start (epoch s), start (school time, ISO), child, slot TTL (s), week TTL (s), now
-- (epoch s), slot id, day-before reminder due (epoch s, '' for none), 30-minute reminder due (epoch s), booked
-- by, booked at (epoch ms). The TTLs are relative, from the app's clock.

-- Stores a new booking, settles the family's offer and waiting entry for the slot, and schedules its notices
-- (due now) and reminders.
local function write(no, station)
  redis.call('HSET', KEYS[1], 's:' .. station, no, 'f:' .. ARGV[1], no)
  redis.call('EXPIRE', KEYS[1], ARGV[6])
  redis.call('SADD', KEYS[2], no)
  redis.call('EXPIRE', KEYS[2], ARGV[7])
  redis.call('HSET', KEYS[4], no, cjson.encode({start = ARGV[4], station = station, family = ARGV[1],
      child = ARGV[5], by = ARGV[12], bookedAt = ARGV[13], status = 'ACTIVE'}))
  redis.call('ZADD', KEYS[5], ARGV[3], no)
  redis.call('ZADD', KEYS[6], ARGV[3], no)
  local offer = redis.call('HGET', KEYS[7], ARGV[1])
  if offer and offer_of(offer).slot == ARGV[9] then redis.call('HDEL', KEYS[7], ARGV[1]) end
  redis.call('ZREM', KEYS[8], ARGV[1])
  redis.call('HDEL', KEYS[9], ARGV[1])
  redis.call('ZREM', KEYS[10], ARGV[9])
  if ARGV[10] ~= '' then
    schedule_job(KEYS[11], KEYS[12], 'call-remind-day', no, tonumber(ARGV[10]) * 1000, {})
  end
  schedule_job(KEYS[11], KEYS[12], 'call-remind-30', no, tonumber(ARGV[11]) * 1000, {})
  schedule_job(KEYS[11], KEYS[12], 'call-booked', no, tonumber(ARGV[8]) * 1000, {})
end

-- Cancels a booking as read (raw), frees its seat, drops its reminders and schedules its cancellation notices.
local function cancel(kb, ks, kw, ka, kf, kdue, kjobs, no, raw, cancelled, station, family, reason, now)
  if redis.call('HGET', kb, no) ~= raw then return 0 end
  redis.call('HSET', kb, no, cancelled)
  if redis.call('HGET', ks, 's:' .. station) == no then redis.call('HDEL', ks, 's:' .. station) end
  if redis.call('HGET', ks, 'f:' .. family) == no then redis.call('HDEL', ks, 'f:' .. family) end
  redis.call('SREM', kw, no)
  redis.call('ZREM', ka, no)
  redis.call('ZREM', kf, no)
  cancel_job(kdue, kjobs, 'call-remind-day', no)
  cancel_job(kdue, kjobs, 'call-remind-30', no)
  schedule_job(kdue, kjobs, 'call-cancelled', no, tonumber(now) * 1000, {reason = reason})
  return 1
end
