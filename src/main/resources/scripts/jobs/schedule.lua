-- KEYS: due set, job hash. ARGV: kind, subject, due (epoch ms), data (JSON object).
return schedule_job(KEYS[1], KEYS[2], ARGV[1], ARGV[2], tonumber(ARGV[3]), cjson.decode(ARGV[4]))
