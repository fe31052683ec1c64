-- Seats of a slot: the slot hash holds s:<station> → booking number, or H:<family>:<expiry epoch s> while the
-- seat is held for a waiting family, and f:<family> → booking number. Offers and waiters are JSON records
-- (records of an older version were pipe-joined; both are read).
local function held_by(v)
  if not v or string.sub(v, 1, 2) ~= 'H:' then return nil, nil end
  local holder, exp = string.match(v, '^H:(.*):(%d+)$')
  return holder, tonumber(exp)
end

-- A seat is free when it has no value, or holds an expired hold, or one for the family asking.
local function seat_free(v, family, now)
  if not v then return true end
  local holder, exp = held_by(v)
  if not holder then return false end
  return holder == family or exp <= now
end

-- The seat to take: one held for the family first, else the first free one. Stations from ARGV[first].
local function pick(slot, family, now, first)
  for i = first, #ARGV do
    local holder = held_by(redis.call('HGET', slot, 's:' .. ARGV[i]))
    if holder and holder == family then return ARGV[i] end
  end
  for i = first, #ARGV do
    if seat_free(redis.call('HGET', slot, 's:' .. ARGV[i]), family, now) then return ARGV[i] end
  end
  return nil
end

-- An offer as stored: {slot, station, child, person, expiry}.
local function offer_of(raw)
  if string.sub(raw, 1, 1) == '{' then
    local o = cjson.decode(raw)
    o.expiry = tonumber(o.expiry)
    return o
  end
  local slot, station, child, person, expiry = string.match(raw, '^([^|]*)|([^|]*)|([^|]*)|([^|]*)|(%d+)$')
  return {slot = slot, station = station, child = child, person = person, expiry = tonumber(expiry)}
end

-- A waiting family's entry: {child, person}.
local function waiter_of(raw)
  if not raw then return {child = '', person = ''} end
  if string.sub(raw, 1, 1) == '{' then return cjson.decode(raw) end
  local child, person = string.match(raw, '^([^|]*)|(.*)$')
  return {child = child or '', person = person or ''}
end
