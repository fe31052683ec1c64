local seen = redis.call('GET', KEYS[1])
if seen and string.sub(seen, 1, 2) == 'P:' and string.match(seen, '^P:%d+:(.*)$') ~= ARGV[1] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
if ARGV[4] == '' then redis.call('DEL', KEYS[3])
else redis.call('SET', KEYS[3], ARGV[4], 'EX', ARGV[5]) end
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
if ARGV[6] ~= '' then
  redis.call('HSET', KEYS[4], 'at', ARGV[6], 'sent', 0)
  redis.call('EXPIRE', KEYS[4], ARGV[7])
end
return 1
