-- The account's rate: GCRA (the generic cell rate algorithm) on the app's clock, passed in; Redis's own clock is
-- never read. The key holds the theoretical arrival time (TAT, epoch microseconds): when the next permit would go
-- if permits went out exactly one interval apart. A permit's slot is max(now, TAT - (burst - 1) * interval), and
-- taking it moves TAT one interval on, so any stretch of time t holds at most burst + t / interval slots.
-- The caller reserves a slot up to horizon ms ahead and waits for it, so one admission is one script call.
-- rate_slot(key, now_ms, interval_us, burst, horizon_ms) returns true, ms to wait for the slot (reserved), or
-- false, ms to wait before asking again (nothing reserved: the slots are taken further ahead than the horizon).
local function rate_slot(key, now_ms, interval, burst, horizon_ms)
  local now = now_ms * 1000
  local tat = tonumber(redis.call('GET', key) or '0')
  -- idle, or TAT lies further ahead than any reservation can put it: the clock was moved back
  if tat < now or tat > now + (horizon_ms + 1000) * 1000 + burst * interval then tat = now end
  local slot = tat - (burst - 1) * interval
  if slot < now then slot = now end
  local wait = math.ceil((slot - now) / 1000)
  if wait > horizon_ms then return false, wait - horizon_ms end
  local next_tat = tat + interval
  redis.call('SET', key, string.format('%.0f', next_tat), 'PX', math.ceil((next_tat - now) / 1000) + 1000)
  return true, wait
end
