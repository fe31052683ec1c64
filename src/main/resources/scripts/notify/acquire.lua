-- KEYS: the account's rate key. ARGV: now (epoch ms), interval (us), burst, horizon (ms).
local reserved, wait = rate_slot(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]))
if reserved then return wait end
return -wait
