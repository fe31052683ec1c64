local now = tonumber(ARGV[4])
if ARGV[5] ~= '' then
  local stamped = redis.call('GET', KEYS[4])
  if stamped and stamped ~= ARGV[5] then return {'REPLAY', ''} end
  if not stamped then redis.call('SET', KEYS[4], ARGV[5], 'EX', ARGV[6]) end
end
local seen = redis.call('GET', KEYS[1])
if seen then
  if string.sub(seen, 1, 2) ~= 'P:' then return {'DUP', seen} end
  local lease, holder = string.match(seen, '^P:(%d+):(.*)$')
  if lease and tonumber(lease) >= now then return {'DUP', seen} end
  -- its handler stopped renewing: it died; free its hold on this user, this try takes over
  if holder and redis.call('GET', KEYS[2]) == holder then redis.call('DEL', KEYS[2]) end
end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then
  redis.call('SET', KEYS[1], 'P:' .. (now + tonumber(ARGV[2])) .. ':' .. ARGV[1], 'EX', ARGV[3])
  return {'GO', redis.call('GET', KEYS[3]) or '', redis.call('GET', KEYS[5]) or '0'}
end
return {'BUSY', ''}
