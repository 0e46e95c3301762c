/** What core keeps about a signed-in session. Holds secrets: store it like a password. */
export interface StoredSession {
  readonly accessToken: string;
  readonly refreshToken?: string;
  /** When the access token expires, epoch milliseconds. Absent: unknown, renewed on 401 only. */
  readonly expiresAt?: number;
  /** When it was issued, epoch milliseconds; keeps the renewal skew below half the lifetime. */
  readonly issuedAt?: number;
  /** Header input values read from the sign-in response (e.g. `X-Account-ID`), by header name. */
  readonly inputs?: Readonly<Record<string, string>>;
}

/**
 * Where sessions live between requests and, if you want, between processes. Clients sharing a
 * store and a `storeKey` share a session: one signs in, the others use its token.
 */
export interface TokenStore {
  get(key: string): Promise<StoredSession | undefined>;
  set(key: string, session: StoredSession): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The default store: a `Map` in this process, lost on exit. */
export function createMemoryTokenStore(): TokenStore {
  const sessions = new Map<string, StoredSession>();
  return {
    async get(key) {
      return sessions.get(key);
    },
    async set(key, session) {
      sessions.set(key, session);
    },
    async delete(key) {
      sessions.delete(key);
    },
  };
}
