import { coordinated } from "./coordinated.js";
import type {
  CoordinatedTokenStore,
  DeletedSession,
  RefusalSharingStore,
  SignInRefusal,
} from "./coordinated-token-store.js";
import type { CarriesLeaseProtocol } from "./lease-protocol.js";

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
 * store and a `storeKey` share a session: one signs in, the others use its token. A store that
 * also implements `CoordinatedTokenStore` lets them renew it once between them.
 */
export interface TokenStore {
  get(key: string): Promise<StoredSession | undefined>;
  set(key: string, session: StoredSession): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * A store to share between clients of this process: a `Map`, lost on exit. It coordinates them
 * (it carries the lease protocol), so the clients given the same store renew a shared session
 * once and share refused sign-ins. A client given no store keeps its session to itself.
 */
export function createMemoryTokenStore(): CoordinatedTokenStore &
  RefusalSharingStore &
  CarriesLeaseProtocol {
  // A delete leaves its version (a tombstone), so a version is never handed out twice for one
  // key and a compare-and-set from before the delete cannot land after it (no ABA).
  const sessions = new Map<string, { session?: StoredSession; version: number }>();
  const leases = new Map<string, { owner: string; until: number }>();
  const refusals = new Map<string, { refusal: SignInRefusal; until: number }>();
  const listeners = new Map<string, Set<() => void>>();

  const notify = (key: string) => {
    for (const listener of listeners.get(key) ?? []) {
      // Later, and isolated: a listener must not run inside the write or break the writer.
      queueMicrotask(() => {
        try {
          listener();
        } catch {}
      });
    }
  };
  const write = (key: string, session: StoredSession | undefined) => {
    const version = (sessions.get(key)?.version ?? 0) + 1;
    sessions.set(key, session ? { session, version } : { version });
    notify(key);
    return session && { session, version };
  };
  const heldLease = (key: string) => {
    const lease = leases.get(key);
    if (lease && lease.until <= Date.now()) leases.delete(key);
    return leases.get(key);
  };

  return coordinated<CoordinatedTokenStore & RefusalSharingStore>({
    async get(key) {
      return sessions.get(key)?.session;
    },
    async set(key, session) {
      write(key, session);
    },
    async delete(key) {
      write(key, undefined);
    },
    async read(key) {
      const record = sessions.get(key);
      if (!record) return undefined;
      return record.session
        ? { session: record.session, version: record.version }
        : ({ version: record.version } satisfies DeletedSession);
    },
    async compareAndSet(key, expectedVersion, session) {
      const current = sessions.get(key)?.version ?? 0;
      return current === expectedVersion ? write(key, session) : undefined;
    },
    async recordRefusal(key, refusal, ttlMs) {
      refusals.set(key, { refusal, until: Date.now() + ttlMs });
    },
    async readRefusal(key) {
      const recorded = refusals.get(key);
      if (recorded && recorded.until <= Date.now()) refusals.delete(key);
      return refusals.get(key)?.refusal;
    },
    async acquireLease(key, owner, ttlMs) {
      const lease = heldLease(key);
      if (lease && lease.owner !== owner) return false;
      leases.set(key, { owner, until: Date.now() + ttlMs });
      return true;
    },
    async releaseLease(key, owner) {
      if (heldLease(key)?.owner !== owner) return;
      leases.delete(key);
      notify(key);
    },
    subscribe(key, listener) {
      const forKey = listeners.get(key) ?? new Set();
      listeners.set(key, forKey);
      // A wrapper per call, so subscribing one function twice needs two unsubscribes.
      const entry = () => listener();
      forKey.add(entry);
      return () => {
        forKey.delete(entry);
        if (forKey.size === 0) listeners.delete(key);
      };
    },
  });
}
