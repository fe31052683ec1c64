if redis.call('EXISTS', KEYS[1]) == 1 then
  local events = tonumber(ARGV[6])
  for i = 7, 6 + events do redis.call('RPUSH', KEYS[2], ARGV[i]) end
  redis.call('PEXPIRE', KEYS[2], ARGV[5])
  local fields = {}
  for i = 7 + events, #ARGV do fields[#fields + 1] = ARGV[i] end
  if #fields > 0 then redis.call('HSET', KEYS[1], unpack(fields)) end
  redis.call('HDEL', KEYS[1], 'inflight')
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
  if ARGV[4] ~= '' then redis.call('ZADD', KEYS[4], ARGV[4], ARGV[3]) end  -- member: id|openid
end
if ARGV[1] ~= '' then
  redis.call('XACK', KEYS[3], ARGV[2], ARGV[1])
  redis.call('XDEL', KEYS[3], ARGV[1])
end
return 1
