local claimed = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], 'COUNT', ARGV[5])
local out = {claimed[1]}
for _, entry in ipairs(claimed[2]) do
  if type(entry) == 'table' and type(entry[2]) == 'table' then
    local id, to = '', ''
    for i = 1, #entry[2], 2 do
      if entry[2][i] == 'id' then id = entry[2][i + 1] end
      if entry[2][i] == 'to' then to = entry[2][i + 1] end
    end
    out[#out + 1] = entry[1]
    out[#out + 1] = id
    out[#out + 1] = to
  end
end
return out
