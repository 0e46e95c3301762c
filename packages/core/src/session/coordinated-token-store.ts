import type { StoredSession, TokenStore } from "./token-store.js";

/** A session as a coordinating store holds it, with the version the store gave it. */
export interface VersionedSession {
  readonly session: StoredSession;
  /** Strictly increasing per key across every write and delete; never reused (no ABA). */
  readonly version: number;
}

/**
 * A token store that lets several clients (processes, tabs, or objects in one process) renew a
 * session once between them: versions, an atomic compare-and-set and a renewal lease. Core takes
 * the lease before renewing, and waits for the holder's result instead of renewing itself.
 * `@loginkit/redis`, `@loginkit/browser-store` and `createMemoryTokenStore()` implement it.
 */
export interface CoordinatedTokenStore extends TokenStore {
  /**
   * The session under `key` and its version; `undefined` when absent. A corrupt or foreign value
   * reads as absent, never throws for that reason.
   */
  read(key: string): Promise<VersionedSession | undefined>;
  /**
   * Atomically: when the version under `key` is still `expectedVersion` (0: absent), writes
   * `session` with a new, higher version and resolves it; otherwise writes nothing and resolves
   * `undefined` (another writer got there first).
   */
  compareAndSet(
    key: string,
    expectedVersion: number,
    session: StoredSession,
  ): Promise<VersionedSession | undefined>;
  /**
   * Takes the renewal lease of `key` for `owner` for `ttlMs`, or extends it when `owner` holds it
   * already. Resolves `false` while another owner holds it. A lease whose holder dies expires.
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

const coordinationMethods = ["read", "compareAndSet", "acquireLease", "releaseLease"] as const;

/** Whether `store` offers the coordination contract (else core renews per client, as before). */
export function isCoordinatedTokenStore(store: TokenStore): store is CoordinatedTokenStore {
  const methods = store as unknown as Record<string, unknown>;
  return coordinationMethods.every((name) => typeof methods[name] === "function");
}
