local existing = redis.call('GET', KEYS[1])
if existing then return {'DUP', existing} end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('HSET', KEYS[3], 'n', ARGV[3], 'kind', ARGV[4], 'urgent', ARGV[5], 'text', ARGV[6],
    'template', ARGV[7], 'state', 'queued', 'queuedAt', ARGV[8], 'attempts', 0, 'retries', 0)
redis.call('PEXPIRE', KEYS[3], ARGV[9])
redis.call('RPUSH', KEYS[4], ARGV[10])
redis.call('PEXPIRE', KEYS[4], ARGV[9])
redis.call('XADD', KEYS[2], '*', 'id', ARGV[1], 'to', ARGV[11])
return {'NEW', ARGV[1]}
