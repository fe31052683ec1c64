-- Leases the due jobs: their score moves to the lease's end, so no other instance takes them meanwhile, and a
-- job whose runner died comes due again when the lease runs out.
-- KEYS: due set, job hash. ARGV: now (epoch ms), lease end (epoch ms), at most how many.
-- Returns key, record, key, record... (a key without a record is dropped).
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local out = {}
for _, key in ipairs(due) do
  local record = redis.call('HGET', KEYS[2], key)
  if record then
    redis.call('ZADD', KEYS[1], 'XX', ARGV[2], key)
    out[#out + 1] = key
    out[#out + 1] = record
  else
    redis.call('ZREM', KEYS[1], key)
  end
end
return out
