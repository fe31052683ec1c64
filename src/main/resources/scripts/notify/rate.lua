-- over_rate(key, limit): counts one call in this second's window; true when over the limit.
local function over_rate(key, limit)
  local used = redis.call('INCR', key)
  if used == 1 then redis.call('PEXPIRE', key, 2000) end
  return used > limit
end
