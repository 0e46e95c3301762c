/**
 * KEYS[1] the lease key. ARGV: [1] owner, [2] TTL in milliseconds. Returns 1 when `owner` now
 * holds the lease (taken, or extended because it already held it), else 0. A value without a
 * TTL, or of another type, was not written by this store: it never blocks a lease forever.
 */
export const acquireLeaseScript = `
local key = KEYS[1]
if redis.call('TYPE', key)['ok'] == 'string' and redis.call('PTTL', key) > 0 then
  local holder = redis.call('GET', key)
  if holder ~= ARGV[1] then return 0 end
end
redis.call('SET', key, ARGV[1], 'PX', ARGV[2])
return 1
`;
