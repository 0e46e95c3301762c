import { TimeoutError } from "../errors/TimeoutError.js";
import { randomId } from "../utils/random-id.js";
import { deriveLeaseTiming, type LeaseTiming, type LeaseTimingInput } from "./lease-timing.js";
import { isFailedRead, readVersioned, type StoreAccess, type StoreRead } from "./read-versioned.js";
import type { StoredSession } from "./token-store.js";

/** What the session manager lends the lease protocol: its store, bounded and reported. */
export interface LeaseContext extends StoreAccess {
  /**
   * The renewing client, the same object on every renewal: its id to the store's lease is made
   * from it here (see `leaseOwnerOf`), so a client with the default store never makes one.
   */
  readonly client: object;
  /**
   * The client's timeout, retry and `leaseTtl`, of which `deriveLeaseTiming` makes the lease's
   * length, heartbeat and a waiter's patience.
   */
  readonly timing: LeaseTimingInput;
  /** Whether a stored session may be used as it is (not due, not the token just refused). */
  readonly isUsable: (session: StoredSession) => boolean;
  /** False once the session was ended (sign-out) during the renewal: nothing is written then. */
  readonly mayStore: () => boolean;
}

/** How the renewal came to be made here. */
export interface RenewalCircumstances {
  /**
   * Another client held the lease and let it lapse (it died, or gave up) without storing a
   * session: its refresh may have reached the provider, so the stored refresh token may be spent.
   */
  readonly tookOver: boolean;
}

export type LeaseOutcome<R> =
  /** Another client renewed: use its session. `waited`: ms spent waiting for it. */
  | { kind: "adopted"; session: StoredSession; waited: number }
  /**
   * Renewed here. `stored`: already written to the store (compare-and-set under the lease).
   * `tookOver`: after another holder's lease lapsed; `waited`: ms spent waiting for it.
   */
  | { kind: "renewed"; result: R; stored: boolean; tookOver: boolean; waited: number };

/** First poll of the store while another client renews; doubles up to `MAX_POLL_MS`. */
const FIRST_POLL_MS = 25;
const MAX_POLL_MS = 500;

/** Each client's id to the lease: random, so a lease is never mistaken for another client's. */
const leaseOwners = new WeakMap<object, string>();

function leaseOwnerOf(client: object): string {
  let owner = leaseOwners.get(client);
  if (owner === undefined) {
    owner = randomId();
    leaseOwners.set(client, owner);
  }
  return owner;
}

/** The stored session when it can be used as it is. */
const usableSession = (context: LeaseContext, read: StoreRead) =>
  !isFailedRead(read) && read?.session && context.isUsable(read.session) ? read.session : undefined;

/**
 * Renews a session shared through a coordinating store once for every client that shares it:
 * takes the store's renewal lease, re-reads the store (someone may have just renewed), renews
 * with the stored refresh token and writes with compare-and-set, so a rotating refresh token is
 * spent by exactly one client. The holder extends its lease by a heartbeat while it works.
 *
 * A client that cannot take the lease waits (notified by the store, else polling) for the
 * holder's session, and never renews without the lease while the holder lives: only when the
 * holder stops extending it does one waiter take it over (the store's atomic acquire decides
 * which). A store that answers slowly is waited for within the patience `deriveLeaseTiming`
 * gives; only one that fails outright means renewing here, as a client with a plain store does.
 */
export async function renewUnderLease<R extends { session: StoredSession }>(
  context: LeaseContext,
  renew: (latest: StoredSession | undefined, circumstances: RenewalCircumstances) => Promise<R>,
  fallback: StoredSession | undefined,
): Promise<LeaseOutcome<R>> {
  const { store, key, call } = context;
  const owner = leaseOwnerOf(context.client);
  const timing = deriveLeaseTiming(context.timing);
  const started = Date.now();
  const alone = async (): Promise<LeaseOutcome<R>> => ({
    kind: "renewed",
    result: await renew(fallback, { tookOver: false }),
    stored: false,
    tookOver: false,
    waited: Date.now() - started,
  });
  // A client that was refused a token looks first: another may have stored a new one already.
  const first = await readVersioned(context);
  const firstUsable = usableSession(context, first);
  if (firstUsable) return { kind: "adopted", session: firstUsable, waited: 0 };
  // A store that fails outright means renewing here; one that is slow is waited out for a while
  // (see `deriveLeaseTiming`), as a slow answer may be this process's starved event loop.
  const givesUp = (failure: { slow: boolean }) =>
    !failure.slow || Date.now() - started >= timing.slowStorePatienceMs;
  if (isFailedRead(first) && givesUp(first)) return alone();
  const waiter = new ChangeWaiter();
  let sawHolder = false;
  try {
    for (let round = 0; ; round++) {
      const taken = await call("acquire-lease", () =>
        store.acquireLease(key, owner, timing.leaseMs),
      );
      if (!taken.ok && givesUp(taken)) return await alone();
      if (taken.ok && taken.value) {
        return await renewHoldingLease(
          context,
          { owner, timing },
          renew,
          fallback,
          started,
          sawHolder,
        );
      }
      if (taken.ok) sawHolder = true;

      // Another client renews. Listen first, then read: a write between the two is not missed.
      if (round === 0) await waiter.listen(context);
      const current = await readVersioned(context);
      if (isFailedRead(current) && givesUp(current)) return await alone();
      const usable = usableSession(context, current);
      if (usable) return { kind: "adopted", session: usable, waited: Date.now() - started };
      const left = started + timing.patienceMs - Date.now();
      if (left <= 0) {
        throw new TimeoutError(
          `Waited ${timing.patienceMs} ms for another client's renewal of the shared session`,
          { timeout: timing.patienceMs },
        );
      }
      await waiter.wait(Math.min(FIRST_POLL_MS * 2 ** round, MAX_POLL_MS, left));
    }
  } finally {
    waiter.stop();
  }
}

async function renewHoldingLease<R extends { session: StoredSession }>(
  context: LeaseContext,
  { owner, timing }: { owner: string; timing: LeaseTiming },
  renew: (latest: StoredSession | undefined, circumstances: RenewalCircumstances) => Promise<R>,
  fallback: StoredSession | undefined,
  started: number,
  sawHolder: boolean,
): Promise<LeaseOutcome<R>> {
  const { store, key, call } = context;
  const heartbeat = new Heartbeat(() =>
    call("acquire-lease", () => store.acquireLease(key, owner, timing.leaseMs)),
  );
  heartbeat.start(timing.heartbeatMs);
  try {
    // Someone may have renewed between our last look and taking the lease.
    const current = await readVersioned(context);
    const usable = usableSession(context, current);
    if (usable) return { kind: "adopted", session: usable, waited: Date.now() - started };
    // The stored refresh token is the newest: with rotation, the one in memory may be spent.
    // A deleted session was signed out: its refresh token is not used again.
    const readable = isFailedRead(current) ? undefined : current;
    const latest = readable ? readable.session : fallback;
    const tookOver = sawHolder;
    const result = await renew(latest, { tookOver });
    heartbeat.stop();
    // Written before the lease is let go, so a waiter that takes it next finds this session.
    // Lost (another wrote meanwhile, or a sign-out deleted it): theirs stays.
    let stored = false;
    if (context.mayStore() && !isFailedRead(current)) {
      const written = await call("compare-and-set", () =>
        store.compareAndSet(key, current?.version ?? 0, result.session),
      );
      stored = written.ok;
    }
    return { kind: "renewed", result, stored, tookOver, waited: Date.now() - started };
  } finally {
    heartbeat.stop();
    await call("release-lease", () => store.releaseLease(key, owner));
  }
}

/**
 * Extends the lease every `period` ms while its holder works. An extension is sent even while the
 * last one is unanswered: on a starved event loop an answer can take a whole stalled turn, and
 * waiting for it would space the extensions two turns apart. Each is bounded by `storeTimeout`,
 * so at most `storeTimeout / period` are ever in flight.
 */
class Heartbeat {
  #timer?: ReturnType<typeof setInterval>;

  constructor(private readonly extend: () => Promise<unknown>) {}

  start(period: number) {
    this.#timer = setInterval(() => {
      void this.extend();
    }, period);
  }

  stop() {
    clearInterval(this.#timer);
    this.#timer = undefined;
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
