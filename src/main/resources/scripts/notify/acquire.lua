if over_rate(KEYS[1], tonumber(ARGV[1])) then return 0 end
return 1
