-- Due jobs, for scripts that schedule one in the same step as its cause (a booking schedules its reminders).
-- A job is a member of the tenant's due set (score: due time, epoch ms of the app's clock) and a JSON record
-- in the tenant's job hash, both under its key "<kind>:<subject>": scheduling the same key again moves it.
local function schedule_job(due_set, job_hash, kind, subject, due_ms, data)
  local key = kind .. ':' .. subject
  redis.call('HSET', job_hash, key, cjson.encode({kind = kind, subject = subject, data = data or {}, attempts = 0}))
  redis.call('ZADD', due_set, due_ms, key)
  return key
end

local function cancel_job(due_set, job_hash, kind, subject)
  local key = kind .. ':' .. subject
  redis.call('ZREM', due_set, key)
  redis.call('HDEL', job_hash, key)
end
