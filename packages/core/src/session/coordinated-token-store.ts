import type { StoredSession, TokenStore } from "./token-store.js";

/** A session as a coordinating store holds it, with the version the store gave it. */
export interface VersionedSession {
  readonly session: StoredSession;
  /**
   * Strictly increasing per key across every write and delete; never reused, not even after a
   * delete (no ABA). A safe integer: anything else is read as corrupt.
   */
  readonly version: number;
}

/** What a delete left under a key: no session, but the version the delete was given. */
export interface DeletedSession {
  readonly session?: undefined;
  readonly version: number;
}

/** A sign-in refusal as the store shares it: the provider's words, never the credentials. */
export interface SignInRefusal {
  /** A salted, slow digest of the refused credentials (never the secret itself). */
  readonly fingerprint: string;
  readonly message: string;
  readonly status?: number;
  readonly code?: string;
}

/**
 * A token store that lets several clients (processes, tabs, or objects in one process) renew a
 * session once between them: versions, an atomic compare-and-set and a renewal lease. Core takes
 * the lease before renewing, and waits for the holder's result instead of renewing itself.
 * `@loginkit/redis`, `@loginkit/browser-store` and `createMemoryTokenStore()` implement it.
 */
export interface CoordinatedTokenStore extends TokenStore {
  /**
   * The session under `key` and its version; after a delete, the delete's version without a
   * session; `undefined` when nothing was ever written. A corrupt or foreign value reads as
   * absent, never throws for that reason.
   */
  read(key: string): Promise<VersionedSession | DeletedSession | undefined>;
  /**
   * Atomically: when the version under `key` is still exactly `expectedVersion` (0: nothing was
   * ever written, or a corrupt value), writes `session` with a new, higher version and resolves
   * it; otherwise writes nothing and resolves `undefined` (another writer got there first).
   */
  compareAndSet(
    key: string,
    expectedVersion: number,
    session: StoredSession,
  ): Promise<VersionedSession | undefined>;
  /**
   * Takes the renewal lease of `key` for `owner` for exactly `ttlMs` (core derives it; a store
   * never caps or stretches it), or extends it by `ttlMs` when `owner` holds it already. Resolves
   * `false` while another owner holds it. Atomic: of clients asking at once for a free or lapsed
   * lease, exactly one gets it. A lease whose holder dies expires.
   */
  acquireLease(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Releases the lease when `owner` holds it; never releases another owner's. */
  releaseLease(key: string, owner: string): Promise<void>;
  /**
   * Optional: calls `listener` when the session under `key` is written or deleted, or its lease
   * released, by anyone. Returns the unsubscribe function, which may carry `ready`: a promise that
   * settles once notifications flow. Without it, core polls `read()` while it waits.
   */
  subscribe?(key: string, listener: () => void): (() => void) & { ready?: Promise<unknown> };
}

/**
 * Optional, for account-lockout protection: a store that shares refused sign-ins between its
 * clients, under a fingerprint of the credentials (see `shareRefusal`).
 */
export interface RefusalSharingStore {
  /** Records `refusal` under `key` for `ttlMs`, in place of any earlier one. */
  recordRefusal(key: string, refusal: SignInRefusal, ttlMs: number): Promise<void>;
  /** The refusal recorded under `key` and not yet expired. */
  readRefusal(key: string): Promise<SignInRefusal | undefined>;
}

/** Whether `store` shares refused sign-ins. */
export function isRefusalSharingStore(
  store: TokenStore,
): store is TokenStore & RefusalSharingStore {
  const methods = store as unknown as Record<string, unknown>;
  return typeof methods.recordRefusal === "function" && typeof methods.readRefusal === "function";
}

const coordinationMethods = ["read", "compareAndSet", "acquireLease", "releaseLease"] as const;

/** Whether `store` offers the coordination contract (else core renews per client, as before). */
export function isCoordinatedTokenStore(store: TokenStore): store is CoordinatedTokenStore {
  const methods = store as unknown as Record<string, unknown>;
  return coordinationMethods.every((name) => typeof methods[name] === "function");
}
