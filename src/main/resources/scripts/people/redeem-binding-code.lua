-- Redeems a binding code for one WeChat user, in one step, so two people racing for one code cannot both win.
--
-- KEYS: 1 the user's lock-out, 2 the user's failure count, 3 the code's hash, 4 the user's bindings (set),
--       5..4+W the school's failure counts of this minute and the W-1 before it (W = ARGV[8]), then
--       the school's alarm (hash), its gate while the alarm is on, and its failures today
-- ARGV: 1 now (epoch ms, the app's clock), 2 the user's lock-out (s), 3 failures before the lock-out,
--       4 prefix of the people's current-code keys, 5 prefix of the people's openid sets, 6 the openid,
--       7 '1' when the code's check digit is wrong (a typo), 8 the window (minutes), 9 failures in the window
--       that raise the alarm, 10 how long the alarm lasts after the last failure (s), 11 the gap between two
--       checked attempts while it is on (ms)
-- Returns {verdict, person, attempts left, '1' when this failure raised the alarm, openids already bound...}.
local now = tonumber(ARGV[1])
local W = tonumber(ARGV[8])
local ALARM, GATE, TODAY = KEYS[5 + W], KEYS[6 + W], KEYS[7 + W]
if redis.call('EXISTS', KEYS[1]) == 1 then return {'LOCKED', '', '0', '0'} end
-- under a burst of failures, the whole school slows down: one checked attempt per gap, the rest wait
if ARGV[7] ~= '1' and redis.call('EXISTS', ALARM) == 1 then
  if not redis.call('SET', GATE, '1', 'NX', 'PX', ARGV[11]) then return {'SLOWED', '', '0', '0'} end
end

local function fail(verdict, counts_for_school)
  local fails = redis.call('INCR', KEYS[2])
  if fails == 1 then redis.call('EXPIRE', KEYS[2], ARGV[2]) end
  local raised = '0'
  if counts_for_school then
    local bucket = redis.call('INCR', KEYS[5])
    if bucket == 1 then redis.call('EXPIRE', KEYS[5], (W + 1) * 60) end
    local today = redis.call('INCR', TODAY)
    if today == 1 then redis.call('EXPIRE', TODAY, 8 * 86400) end
    local total = 0
    for i = 5, 4 + W do total = total + tonumber(redis.call('GET', KEYS[i]) or '0') end
    local alarmed = redis.call('EXISTS', ALARM) == 1
    if alarmed or total >= tonumber(ARGV[9]) then
      if not alarmed then
        raised = '1'
        redis.call('HSET', ALARM, 'since', ARGV[1], 'failures', total - 1)
      end
      redis.call('HINCRBY', ALARM, 'failures', 1)
      redis.call('HSET', ALARM, 'last', ARGV[1])
      redis.call('EXPIRE', ALARM, ARGV[10])
    end
  end
  if fails >= tonumber(ARGV[3]) then
    redis.call('SET', KEYS[1], '1', 'EX', ARGV[2])
    redis.call('DEL', KEYS[2])
    return {'LOCKED', '', '0', raised}
  end
  return {verdict, '', tostring(tonumber(ARGV[3]) - fails), raised}
end

if ARGV[7] == '1' then return fail('TYPO', false) end

local code = redis.call('HMGET', KEYS[3], 'person', 'expires', 'state')
local person, expires, state = code[1], tonumber(code[2] or '0'), code[3]
if person and state == 'used' and redis.call('SISMEMBER', KEYS[4], person) == 1 then
  return {'ALREADY_BOUND', person, '0', '0'}
end
local verdict
if not person then verdict = 'WRONG'
elseif state == 'used' then verdict = 'USED'
elseif state == 'revoked' then verdict = 'REVOKED'
elseif expires < now then verdict = 'EXPIRED' end
if verdict then return fail(verdict, true) end

local before = redis.call('SMEMBERS', ARGV[5] .. person)
redis.call('HSET', KEYS[3], 'state', 'used', 'usedBy', ARGV[6], 'usedAt', ARGV[1])
redis.call('DEL', ARGV[4] .. person)
redis.call('SADD', KEYS[4], person)
redis.call('SADD', ARGV[5] .. person, ARGV[6])
redis.call('DEL', KEYS[2])
local out = {'BOUND', person, '0', '0'}
for _, other in ipairs(before) do
  if other ~= ARGV[6] then out[#out + 1] = other end
end
return out
