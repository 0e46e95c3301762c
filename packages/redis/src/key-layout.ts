/**
 * Where one session lives in Redis. `storeKey` sits in a `{hash tag}` so the session and its
 * lease hash to the same Redis Cluster slot, which a script touching both would need and which
 * keeps one session on one shard.
 *
 * - `<prefix>{<storeKey>}`        hash: `v` version counter (kept after a delete), `s` session
 * - `<prefix>{<storeKey>}:lease`  string: the lease owner's id, with a TTL
 * - `<prefix>{<storeKey>}:changed` pub/sub channel: a new version, or `released`
 * - `<prefix>{<storeKey>}:refused` string: a refused sign-in (a credentials fingerprint, never
 *   the secret), with the cool-down as its TTL
 */
export interface KeyLayout {
  readonly session: string;
  readonly lease: string;
  readonly channel: string;
  readonly refused: string;
}

export function layoutKeys(prefix: string, storeKey: string): KeyLayout {
  const base = `${prefix}{${storeKey}}`;
  return {
    session: base,
    lease: `${base}:lease`,
    channel: `${base}:changed`,
    refused: `${base}:refused`,
  };
}
