local lease, now, renewed = tonumber(ARGV[1]), tonumber(ARGV[2]), 0
for i = 1, #KEYS / 2 do
  local dedup, lock, token = KEYS[2 * i - 1], KEYS[2 * i], ARGV[3 + i]
  if redis.call('GET', lock) == token then
    redis.call('PEXPIRE', lock, lease)
  end
  local seen = redis.call('GET', dedup)
  if seen and string.match(seen, '^P:%d+:(.*)$') == token then
    redis.call('SET', dedup, 'P:' .. (now + lease) .. ':' .. token, 'EX', ARGV[3])
    renewed = renewed + 1
  end
end
return renewed
