-- The first (by id) of the people an openid is bound to; staff and parents before guardians.
-- KEYS: the openid's bindings. ARGV: prefix of the people's records. Returns {id, role, name} or {}.
local ids = redis.call('SMEMBERS', KEYS[1])
table.sort(ids)
local rank = {ADMIN = 1, TEACHER = 2, PARENT = 3, GUARDIAN = 4}
local best
for _, id in ipairs(ids) do
  local person = redis.call('HMGET', ARGV[1] .. id, 'role', 'name')
  if person[1] and (not best or rank[person[1]] < rank[best[2]]) then
    best = {id, person[1], person[2] or ''}
  end
end
return best or {}
