import type { StoredSession, TokenStore } from "@loginkit/core";

/** The part of a Cloudflare KV namespace binding this store uses (structural: no workers-types). */
export interface KvNamespace {
  get(key: string): Promise<string | null>;
  put(key: string, value: string, options?: { expirationTtl?: number }): Promise<void>;
  delete(key: string): Promise<void>;
}

// KV refuses an expirationTtl under 60 s.
const shortestKvTtlSeconds = 60;

/**
 * A loginkit `TokenStore` in a KV namespace. A worker's isolate may serve one request and be
 * gone, so the session has to outlive it somewhere: each request's client reads the token from
 * here instead of signing in again. KV has no compare-and-set, so this is a plain store (single
 * flight per isolate, not across them); core checks every session it reads back before using it.
 */
export function createKvTokenStore(kv: KvNamespace): TokenStore {
  return {
    async get(key) {
      const text = await kv.get(key);
      return text === null ? undefined : (JSON.parse(text) as StoredSession);
    },
    async set(key, session) {
      // Let KV forget a session once its token has expired, so stale entries do not pile up.
      const secondsLeft =
        session.expiresAt === undefined
          ? undefined
          : Math.ceil((session.expiresAt - Date.now()) / 1000);
      const expirationTtl =
        secondsLeft === undefined ? undefined : Math.max(shortestKvTtlSeconds, secondsLeft);
      await kv.put(key, JSON.stringify(session), expirationTtl ? { expirationTtl } : undefined);
    },
    delete: (key) => kv.delete(key),
  };
}
