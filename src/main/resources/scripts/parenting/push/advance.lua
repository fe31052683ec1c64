-- A batch of the weekly push is done: the cursor moves on and its figures are counted, only when the cursor is
-- still where the batch began (a replay after a crash, or a run that lost its lease, counts nothing twice).
-- KEYS: the week's hash. ARGV: from, to, messages queued, people reached, unreachable, without a lesson, the
-- day's field (day:<date>).
if tonumber(redis.call('HGET', KEYS[1], 'cursor') or '0') ~= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'cursor', ARGV[2])
redis.call('HINCRBY', KEYS[1], 'queued', ARGV[3])
redis.call('HINCRBY', KEYS[1], 'reached', ARGV[4])
redis.call('HINCRBY', KEYS[1], 'unreachable', ARGV[5])
redis.call('HINCRBY', KEYS[1], 'noLesson', ARGV[6])
redis.call('HINCRBY', KEYS[1], ARGV[7], ARGV[3])
return 1
