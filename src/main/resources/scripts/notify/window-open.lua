-- KEYS: the user's window. ARGV: now (epoch ms), its length (s).
redis.call('HSET', KEYS[1], 'at', ARGV[1], 'sent', 0)
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
