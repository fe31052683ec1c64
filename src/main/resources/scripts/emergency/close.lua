-- Closes an open incident with a note, and cancels whatever of its jobs is still to come.
-- KEYS: header, events, open, the child's open, jobs' due set, jobs' hash. ARGV: number, event (JSON), closed (ISO),
-- by, note.
if redis.call('HGET', KEYS[1], 'state') ~= 'OPEN' then return 0 end
local n = ARGV[1]
redis.call('HSET', KEYS[1], 'state', 'CLOSED', 'closed', ARGV[3], 'closedBy', ARGV[4], 'note', ARGV[5])
redis.call('RPUSH', KEYS[2], ARGV[2])
redis.call('ZREM', KEYS[3], n)
redis.call('ZREM', KEYS[4], n)
cancel_job(KEYS[5], KEYS[6], 'emergency-notify', n)
cancel_job(KEYS[5], KEYS[6], 'emergency-deliveries', n)
for _, step in ipairs({'GUARDIANS', 'PARENTS', 'AUTHORITY'}) do
  cancel_job(KEYS[5], KEYS[6], 'emergency-alert', n .. ':' .. step)
  cancel_job(KEYS[5], KEYS[6], 'emergency-late', n .. ':' .. step)
end
return 1
