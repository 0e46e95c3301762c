// The coordination contract of issue #11, declared here until `@loginkit/core` exports it.
// Structural typing makes these the same types as core's once it does; then this file re-exports
// them from core instead.

/** What core keeps about a signed-in session. Holds secrets: store it like a password. */
export interface StoredSession {
  readonly accessToken: string;
  readonly refreshToken?: string;
  /** When the access token expires, epoch milliseconds. */
  readonly expiresAt?: number;
  /** When it was issued, epoch milliseconds. */
  readonly issuedAt?: number;
  /** Header input values read from the sign-in response, by header name. */
  readonly inputs?: Readonly<Record<string, string>>;
}

/** Where sessions live between requests and between processes (core's `TokenStore`). */
export interface TokenStore {
  get(key: string): Promise<StoredSession | undefined>;
  set(key: string, session: StoredSession): Promise<void>;
  delete(key: string): Promise<void>;
}

/** A session as a coordinating store holds it, with the version the store gave it. */
export interface VersionedSession {
  readonly session: StoredSession;
  /** Strictly increasing per key across every write and delete; never reused. */
  readonly version: number;
}

/** A store that lets several processes renew a session once between them. */
export interface CoordinatedTokenStore extends TokenStore {
  /** The session under `key` and its version; `undefined` when absent, corrupt or foreign. */
  read(key: string): Promise<VersionedSession | undefined>;
  /** Writes `session` only if the version under `key` is still `expectedVersion` (0: absent). */
  compareAndSet(
    key: string,
    expectedVersion: number,
    session: StoredSession,
  ): Promise<VersionedSession | undefined>;
  /** Takes (or extends, for the same `owner`) the renewal lease of `key` for `ttlMs`. */
  acquireLease(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Releases the lease if `owner` holds it; never releases another's. */
  releaseLease(key: string, owner: string): Promise<void>;
  /** Calls `listener` when the session under `key` changes; returns the unsubscribe function. */
  subscribe?(key: string, listener: () => void): () => void;
}
