import type { CoordinatedTokenStore, VersionedSession } from "./coordinated-token-store.js";
import type { StoreCall } from "./store-call.js";
import type { StoredSession } from "./token-store.js";

/** What the session manager lends the lease protocol: its store, bounded and reported. */
export interface LeaseContext {
  readonly store: CoordinatedTokenStore;
  readonly key: string;
  /** Random per client object: a lease is never mistaken for another client's. */
  readonly owner: string;
  /** How long the lease is taken for, and the longest wait for another holder's result. */
  readonly leaseTtl: number;
  /** One bounded store call; `ok: false` when it failed (already reported as `store-failed`). */
  readonly call: StoreCall;
  /** The stored session, checked; `"failed"` when the store could not give one. */
  readonly read: () => Promise<VersionedSession | undefined | "failed">;
  /** Whether a stored session may be used as it is (not due, not the token just refused). */
  readonly isUsable: (session: StoredSession) => boolean;
  /** False once the session was ended (logout) during the renewal: nothing is written then. */
  readonly mayStore: () => boolean;
}

export type LeaseOutcome<R> =
  /** Another client renewed: use its session. `waited`: ms spent waiting for it. */
  | { kind: "adopted"; session: StoredSession; waited: number }
  /** Renewed here. `stored`: already written to the store (compare-and-set under the lease). */
  | { kind: "renewed"; result: R; stored: boolean }
  /** The lease holder neither finished nor let go within `leaseTtl`: renewed here regardless. */
  | { kind: "renewed-after-wait"; result: R; waited: number };

/** First poll of the store while another client renews; doubles up to `MAX_POLL_MS`. */
const FIRST_POLL_MS = 25;
const MAX_POLL_MS = 1_000;

/**
 * Renews a session shared through a coordinating store once for every client that shares it:
 * takes the store's renewal lease, re-reads the store (someone may have just renewed), renews
 * with the stored refresh token and writes with compare-and-set, so a rotating refresh token is
 * spent by exactly one client. A client that cannot take the lease waits (notified by the store,
 * else polling) for the holder's session, taking the lease itself if the holder dies.
 *
 * Every wait is bounded by `leaseTtl`; a store that fails means renewing here, as a client with
 * a plain store does (the failure is reported by `call`).
 */
export async function renewUnderLease<R extends { session: StoredSession }>(
  context: LeaseContext,
  renew: (latest: StoredSession | undefined) => Promise<R>,
  fallback: StoredSession | undefined,
): Promise<LeaseOutcome<R>> {
  const { store, key, owner, leaseTtl, call } = context;
  const started = Date.now();
  // A client that was refused a token looks first: another may have stored a new one already.
  const first = await context.read();
  if (first !== "failed" && first && context.isUsable(first.session)) {
    return { kind: "adopted", session: first.session, waited: 0 };
  }
  const waiter = new ChangeWaiter();
  try {
    for (let round = 0; ; round++) {
      const taken = await call("acquire-lease", () => store.acquireLease(key, owner, leaseTtl));
      if (!taken.ok) return { kind: "renewed", result: await renew(fallback), stored: false };
      if (taken.value) return await renewHoldingLease(context, renew, fallback, started);

      // Another client renews. Listen first, then read: a write between the two is not missed.
      if (round === 0) await waiter.listen(context);
      const current = await context.read();
      if (current === "failed") {
        return { kind: "renewed", result: await renew(fallback), stored: false };
      }
      if (current && context.isUsable(current.session)) {
        return { kind: "adopted", session: current.session, waited: Date.now() - started };
      }
      const left = started + leaseTtl - Date.now();
      if (left <= 0) {
        const result = await renew(current?.session ?? fallback);
        return { kind: "renewed-after-wait", result, waited: Date.now() - started };
      }
      await waiter.wait(Math.min(FIRST_POLL_MS * 2 ** round, MAX_POLL_MS, left));
    }
  } finally {
    waiter.stop();
  }
}

async function renewHoldingLease<R extends { session: StoredSession }>(
  context: LeaseContext,
  renew: (latest: StoredSession | undefined) => Promise<R>,
  fallback: StoredSession | undefined,
  started: number,
): Promise<LeaseOutcome<R>> {
  const { store, key, owner, call } = context;
  try {
    // Someone may have renewed between our last look and taking the lease.
    const current = await context.read();
    if (current === "failed") {
      return { kind: "renewed", result: await renew(fallback), stored: false };
    }
    if (current && context.isUsable(current.session)) {
      return { kind: "adopted", session: current.session, waited: Date.now() - started };
    }
    // The stored refresh token is the newest: with rotation, the one in memory may be spent.
    const result = await renew(current?.session ?? fallback);
    // Written before the lease is let go, so a waiter that takes it next finds this session.
    // Lost (the lease expired and another wrote meanwhile): theirs stays, ours is still valid.
    if (context.mayStore()) {
      await call("compare-and-set", () =>
        store.compareAndSet(key, current?.version ?? 0, result.session),
      );
    }
    return { kind: "renewed", result, stored: true };
  } finally {
    await call("release-lease", () => store.releaseLease(key, owner));
  }
}

/** Wakes a waiting client when the store says the key changed, or when its poll delay ends. */
class ChangeWaiter {
  #unsubscribe?: () => void;
  #changed = false;
  #wake?: () => void;

  async listen(context: LeaseContext) {
    const { store, key, call } = context;
    if (!store.subscribe) return;
    const subscribed = await call("subscribe", async () => {
      const unsubscribe = store.subscribe?.(key, () => {
        this.#changed = true;
        this.#wake?.();
      });
      this.#unsubscribe = unsubscribe;
      // Some stores (Redis) need a round trip before notifications flow; bounded by `call`.
      await unsubscribe?.ready;
    });
    // Without notifications, polling alone finds the holder's session.
    if (!subscribed.ok) this.stop();
  }

  wait(milliseconds: number): Promise<void> {
    if (this.#changed) {
      this.#changed = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        this.#changed = false;
        resolve();
      };
      const timer = setTimeout(done, milliseconds);
      this.#wake = done;
    });
  }

  stop() {
    try {
      this.#unsubscribe?.();
    } catch {
      // A store that fails to unsubscribe costs a stray notification, nothing more.
    }
    this.#unsubscribe = undefined;
    this.#wake?.();
  }
}
