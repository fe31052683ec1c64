-- Saves a new talk card in one step. KEYS: sequence, cards, the month's talked hash, the month's cards, the
-- child's cards. ARGV: the card as JSON (without its id), child id, teacher id, the talk's day (epoch day).
-- Returns the card's id.
local id = 'T' .. redis.call('INCR', KEYS[1])
local card = cjson.decode(ARGV[1])
card.id = id
redis.call('HSET', KEYS[2], id, cjson.encode(card))
local by = redis.call('HGET', KEYS[3], ARGV[2])
local listed = false
if by then
  for t in string.gmatch(by, '[^,]+') do
    if t == ARGV[3] then listed = true end
  end
end
if not listed then
  redis.call('HSET', KEYS[3], ARGV[2], by and (by .. ',' .. ARGV[3]) or ARGV[3])
end
redis.call('ZADD', KEYS[4], ARGV[4], id)
redis.call('ZADD', KEYS[5], ARGV[4], id)
return id
