-- wrk script for scripts/load-form --wrk: each request a complete survey form with its own
-- nonce (so none is taken for a replay) and its own X-Forwarded-For (so the per-client rate
-- limit applies per simulated client, as behind an office's reverse proxy).
local n = 0
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)

request = function()
  n = n + 1
  local nonce = string.format("%08x%08x%08x%08x", math.random(0, 0x7fffffff), math.random(0, 0x7fffffff),
                              n, math.random(0, 0x7fffffff))
  local parts = { "nonce=" .. nonce }
  for i = 1, 9 do parts[#parts + 1] = "U" .. i .. "=" .. ((i + n) % 4 + 1) end
  parts[#parts + 1] = "gender=L&saran=uji+beban"
  local ip = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 250)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/x-www-form-urlencoded",
                                   ["X-Forwarded-For"] = ip }, table.concat(parts, "&"))
end
