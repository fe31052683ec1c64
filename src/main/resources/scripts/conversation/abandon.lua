local seen = redis.call('GET', KEYS[1])
if seen and string.match(seen, '^P:%d+:(.*)$') == ARGV[1] then redis.call('DEL', KEYS[1]) end
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return 1
