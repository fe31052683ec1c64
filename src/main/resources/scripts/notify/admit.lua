local now = tonumber(ARGV[1])
local m = redis.call('HMGET', KEYS[1], 'state', 'inflight', 'urgent', 'text', 'template', 'n', 'retries')
if not m[1] then return {'GONE'} end
if m[1] == 'sent' or m[1] == 'failed' or m[1] == 'skipped' then return {'DONE'} end
local uncertain = '0'
if m[2] then
  local sep = string.find(m[2], '|', 1, true)
  if string.sub(m[2], 1, sep - 1) ~= ARGV[2] then
    if tonumber(string.sub(m[2], sep + 1)) > now then return {'BUSY'} end
    uncertain = '1'
  end
end
if m[3] ~= '1' and tonumber(ARGV[4]) > 0 then return {'QUIET', ARGV[4]} end
if redis.call('EXISTS', KEYS[2]) == 1 then return {'UNREACHABLE'} end
local csUntil = tonumber(redis.call('GET', KEYS[4]) or '0')
local windowOpen = false
if m[4] == '1' then
  local w = redis.call('HMGET', KEYS[3], 'at', 'sent')
  windowOpen = w[1] ~= false and now - tonumber(w[1]) < tonumber(ARGV[7])
      and tonumber(w[2] or '0') < tonumber(ARGV[8])
end
local channel
if windowOpen and csUntil <= now then
  channel = 'cs'
elseif m[5] == '1' then
  local tplUntil = tonumber(redis.call('GET', KEYS[5]) or '0')
  if tplUntil > now then return {'PAUSED', tostring(tplUntil)} end
  channel = 'template'
elseif windowOpen then
  return {'PAUSED', tostring(csUntil)}
else
  return {'NONE'}
end
-- the quota is looked at before a rate slot is taken, so a message held for tomorrow costs no slot
if channel == 'template' and tonumber(redis.call('GET', KEYS[7]) or '0') >= tonumber(ARGV[6]) then
  return {'QUOTA'}
end
local reserved, wait = rate_slot(KEYS[6], now, tonumber(ARGV[5]), tonumber(ARGV[9]), tonumber(ARGV[10]))
if not reserved then return {'WAIT', tostring(wait)} end
if channel == 'template' then
  if redis.call('INCR', KEYS[7]) == 1 then redis.call('PEXPIRE', KEYS[7], 172800000) end
else
  redis.call('HINCRBY', KEYS[3], 'sent', 1)
end
redis.call('HSET', KEYS[1], 'inflight', ARGV[2] .. '|' .. (now + tonumber(ARGV[3])), 'channel', channel)
redis.call('HINCRBY', KEYS[1], 'attempts', 1)
return {channel, uncertain, m[6], m[7] or '0', tostring(wait)}
