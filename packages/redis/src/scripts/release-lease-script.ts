/**
 * KEYS[1] the lease key. ARGV: [1] owner, [2] channel. Deletes the lease only if `owner` holds
 * it, then publishes `released` so a waiting process can take over without waiting out the TTL.
 */
export const releaseLeaseScript = `
local key = KEYS[1]
if redis.call('TYPE', key)['ok'] ~= 'string' or redis.call('GET', key) ~= ARGV[1] then return 0 end
redis.call('DEL', key)
redis.call('PUBLISH', ARGV[2], 'released')
return 1
`;
