/**
 * KEYS[1] the session hash. Returns `{version, payload}`: `{0, nil}` when nothing was ever
 * written, `{version, nil}` after a delete (its tombstone), `{-1, nil}` when the key holds
 * something this store did not write (another type, or a hash whose version is not a whole
 * number from 1 to 2^53: Redis would truncate it and versions would no longer compare exactly),
 * so the caller reports it and treats it as absent.
 */
export const readScript = `
local kind = redis.call('TYPE', KEYS[1])['ok']
if kind == 'none' then return {0, false} end
if kind ~= 'hash' then return {-1, false} end
local fields = redis.call('HMGET', KEYS[1], 'v', 's')
local version = tonumber(fields[1])
if not version or version < 1 or version > 9007199254740991 or version ~= math.floor(version) then
  return {-1, false}
end
return {version, fields[2]}
`;
