-- wrk script: rotates through the request lines ("METHOD /path") of the file given after "--",
-- sending each path exactly as written. Prints one machine-readable line when done:
-- RESULT requests duration_us p50_us p99_us socket_errors non_2xx_or_3xx
local lines = {}
local index = 0

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local method, path = line:match("^%s*(%u+)%s+(%S+)")
    if method then
      table.insert(lines, wrk.format(method, path))
    end
  end
  file:close()
  assert(#lines > 0, "no request lines in " .. args[1])
end

function request()
  index = index % #lines + 1
  return lines[index]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.0f %.0f %.0f %.0f %.0f %.0f\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.timeout, e.status))
end
