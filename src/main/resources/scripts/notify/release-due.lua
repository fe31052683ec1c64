local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, member in ipairs(due) do
  local sep = string.find(member, '|', 1, true)
  redis.call('XADD', KEYS[2], '*', 'id', string.sub(member, 1, sep - 1), 'to', string.sub(member, sep + 1))
  redis.call('ZREM', KEYS[1], member)
end
return #due
