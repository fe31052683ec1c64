-- Adds an event to an open incident's timeline, when each guard field is still empty; may set a field with it
-- (a step marked late). KEYS: header, events. ARGV: event (JSON), field to set (or ''), its value, guard fields...
if redis.call('HGET', KEYS[1], 'state') ~= 'OPEN' then return 0 end
for i = 4, #ARGV do
  local v = redis.call('HGET', KEYS[1], ARGV[i])
  if v and v ~= '' then return 0 end
end
if ARGV[2] ~= '' then redis.call('HSET', KEYS[1], ARGV[2], ARGV[3]) end
redis.call('RPUSH', KEYS[2], ARGV[1])
return 1
