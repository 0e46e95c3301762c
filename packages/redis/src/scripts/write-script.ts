/**
 * Every write in one script, so compare and write are atomic on the server.
 *
 * KEYS[1] the session hash. ARGV: [1] mode `set` | `cas` | `delete`, [2] expected version (`cas`;
 * 0 = nothing was ever written), [3] payload (`set`, `cas`), [4] channel to PUBLISH the new
 * version on, [5] a version the caller read as corrupt (`cas` with 0 may replace it), or ''.
 *
 * Returns the new version, or nil when `cas` found another version. A delete keeps the version
 * (a tombstone), so a compare-and-set from before it never lands after it. The new version is
 * above the stored one and at least the server's time in milliseconds, so even a counter lost in
 * a failover or a FLUSHALL does not hand out an old version again (no ABA). A version that is not
 * a whole number from 1 to 2^53 was not written by this store: the value is foreign.
 */
export const writeScript = `
local key = KEYS[1]
local kind = redis.call('TYPE', key)['ok']
local version, foreign = 0, false
if kind == 'hash' then
  version = tonumber(redis.call('HGET', key, 'v'))
  if not version or version < 1 or version > 9007199254740991 or version ~= math.floor(version) then
    version, foreign = 0, true
  end
elseif kind ~= 'none' then
  foreign = true
end
local mode = ARGV[1]
if mode == 'cas' then
  local expected = tonumber(ARGV[2])
  if expected == 0 then
    local corrupt = tonumber(ARGV[5])
    if version ~= 0 and not (corrupt and corrupt == version) then return false end
  elseif version ~= expected then
    return false
  end
end
local now = redis.call('TIME')
local floor = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local nextVersion = string.format('%.0f', math.max(version + 1, floor))
if foreign then redis.call('DEL', key) end
if mode == 'delete' then
  redis.call('HDEL', key, 's')
  redis.call('HSET', key, 'v', nextVersion)
else
  redis.call('HSET', key, 'v', nextVersion, 's', ARGV[3])
end
redis.call('PUBLISH', ARGV[4], nextVersion)
return tonumber(nextVersion)
`;
