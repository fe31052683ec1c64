-- KEYS: bookings, slot, week, all, family, jobs due, jobs data. ARGV: number, record as read, cancelled record,
-- station, family, reason, now (epoch s).
return cancel(KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], ARGV[1], ARGV[2], ARGV[3], ARGV[4],
    ARGV[5], ARGV[6], ARGV[7])
