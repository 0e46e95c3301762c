/** KEYS[1] the refusal key. ARGV: [1] the refusal as JSON, [2] its TTL in ms. */
export const recordRefusalScript = `
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`;

/** KEYS[1] the refusal key. Returns the refusal's JSON, or nil (nothing, or another type). */
export const readRefusalScript = `
if redis.call('TYPE', KEYS[1])['ok'] ~= 'string' then return false end
return redis.call('GET', KEYS[1])
`;
