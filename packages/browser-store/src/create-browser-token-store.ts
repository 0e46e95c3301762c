import type {
  CoordinatedTokenStore,
  DeletedSession,
  RefusalSharingStore,
  StoredSession,
  VersionedSession,
} from "@loginkit/core";
import { coordinated } from "@loginkit/core/coordination";
import { emitStoreEvent } from "./browser-store-event.js";
import {
  type BrowserTokenStoreOptions,
  defaultBrowserStoreOptions,
  MAX_TIMER_MS,
} from "./browser-store-options.js";
import { BrowserStoreError } from "./errors/BrowserStoreError.js";
import { checkRefusalRecord, createRefusalBoard } from "./refusals/refusal-board.js";
import { createRecordStorage } from "./storage/create-record-storage.js";
import { checkRecord, type SessionRecord } from "./storage/session-record.js";
import { createLeaseKeeper } from "./tabs/create-lease-keeper.js";
import { readTabMessage, type TabMessage } from "./tabs/tab-message.js";

/** Stops a listener; `ready` settles once the subscription is active. */
export interface Unsubscribe {
  (): void;
  readonly ready: Promise<boolean>;
}

/**
 * A coordinated token store shared by the tabs of one origin; `close()` leaves the group. It
 * shares refused sign-ins too, so a wrong password is sent once per cool-down for every tab.
 */
export interface BrowserTokenStore extends CoordinatedTokenStore, RefusalSharingStore {
  /**
   * Calls `listener` after every write or delete of `key` in any tab of the store, and when its
   * lease is released or expires. Active at once (`ready` is already true).
   */
  subscribe(key: string, listener: () => void): Unsubscribe;
  /** Closes the channel and releases this tab's locks; the store is unusable afterwards. */
  close(): void;
}

const millisecondsOption = (name: string, value: unknown, fallback: number, least: number) => {
  const chosen = value ?? fallback;
  if (
    typeof chosen !== "number" ||
    !Number.isInteger(chosen) ||
    chosen < least ||
    chosen > MAX_TIMER_MS
  ) {
    throw new BrowserStoreError(
      "configure",
      `${name} must be a whole number of milliseconds from ${least} to ${MAX_TIMER_MS}`,
    );
  }
  return chosen;
};

/** Checks the options that are not times when the store is created, naming the wrong one. */
function checkOptions(options: BrowserTokenStoreOptions) {
  const given = options as Record<string, unknown>;
  if (given.leaseTtl !== undefined) {
    // A second owner of the lease's length is what let core's lease be capped unseen.
    throw new BrowserStoreError(
      "configure",
      "leaseTtl is not a store option: the client derives the lease (set `leaseTtl` on the client)",
    );
  }
  if (
    given.storage !== undefined &&
    !["memory", "session", "local"].includes(String(given.storage))
  ) {
    throw new BrowserStoreError("configure", 'storage must be "memory", "session" or "local"');
  }
  if (given.name !== undefined && (typeof given.name !== "string" || given.name === "")) {
    throw new BrowserStoreError("configure", "name must be a non-empty string");
  }
  if (given.onEvent !== undefined && typeof given.onEvent !== "function") {
    throw new BrowserStoreError("configure", "onEvent must be a function");
  }
}

const newer = (a: SessionRecord | undefined, b: SessionRecord | undefined) =>
  !a ? b : !b ? a : b.version > a.version ? b : a;

/**
 * A token store for the tabs of one origin: the renewal lease is a Web Lock (one tab renews, the
 * others wait for its result), writes are compare-and-set under a short exclusive Web Lock, and
 * every write reaches the other tabs over a BroadcastChannel.
 *
 * @example
 * const tokenStore = createBrowserTokenStore({ storage: "memory" });
 * const vero = createVeroOmsClient({ credentials: askUser, tokenStore });
 */
export function createBrowserTokenStore(options: BrowserTokenStoreOptions = {}): BrowserTokenStore {
  if (typeof options !== "object" || options === null) {
    throw new BrowserStoreError("configure", "the options must be an object");
  }
  checkOptions(options);
  const timeout = millisecondsOption(
    "timeout",
    options.timeout,
    defaultBrowserStoreOptions.timeout,
    1,
  );
  const handOffTimeout = millisecondsOption(
    "handOffTimeout",
    options.handOffTimeout,
    defaultBrowserStoreOptions.handOffTimeout,
    0,
  );
  if (
    typeof navigator === "undefined" ||
    !navigator.locks ||
    typeof BroadcastChannel === "undefined"
  ) {
    throw new BrowserStoreError(
      "configure",
      "the browser store needs the Web Locks API and BroadcastChannel (a secure context: https or localhost)",
    );
  }
  const name = options.name ?? defaultBrowserStoreOptions.name;
  const kind = options.storage ?? defaultBrowserStoreOptions.storage;
  const { onEvent } = options;
  const storage = createRecordStorage(kind, name);
  const channel = new BroadcastChannel(name);
  const tabLock = `${name}:tab`;
  // The newest record this tab has heard of per key: a localStorage read may lag another tab's
  // write by a moment, the message carrying the same record may not.
  const heard = new Map<string, SessionRecord>();
  const listeners = new Map<string, Set<() => void>>();
  const asks = new Map<string, () => void>();
  const pendingAcks = new Map<string, () => void>();
  const askedPeers = new Map<string, Promise<void>>();
  const refusals = createRefusalBoard(kind, name);

  // Held for the store's life: `navigator.locks.query()` then says whether other tabs are open.
  // `joinedAt`: when this tab was first counted among them (see `acknowledges`).
  let leaveGroup: () => void = () => {};
  let joinedAt = Number.POSITIVE_INFINITY;
  navigator.locks
    .request(tabLock, { mode: "shared" }, () => {
      joinedAt = Date.now();
      return new Promise<void>((leave) => (leaveGroup = leave));
    })
    .catch(() => {});
  /**
   * Whether this tab acknowledges a change counted at `countedAt`: only a tab that was open by
   * then was counted, so one that joined later must not stand in for a slow one that was.
   * (From an older store, without `countedAt`: every tab acknowledges, as before.)
   */
  const acknowledges = (countedAt: number | undefined) =>
    typeof countedAt !== "number" || joinedAt <= countedAt;

  const notify = (key: string) => {
    for (const listener of listeners.get(key) ?? []) {
      try {
        listener();
      } catch {
        // A listener's failure is its own: the others still hear the change.
      }
    }
  };
  const post = (message: TabMessage) => channel.postMessage(message);
  const leases = createLeaseKeeper(
    (key) => `${name}:lease:${key}`,
    (key) => {
      post({ type: "released", key });
      notify(key);
    },
  );

  const current = (key: string): SessionRecord | undefined => {
    const loaded = storage.load(key);
    if (loaded && "unreadable" in loaded) {
      emitStoreEvent(onEvent, { type: "corrupt-value", key, reason: loaded.unreadable });
      return heard.get(key);
    }
    return newer(loaded, heard.get(key));
  };
  const apply = (key: string, record: SessionRecord) => {
    const known = current(key);
    if (known && known.version >= record.version) return;
    heard.set(key, record);
    if (!storage.shared) storage.save(key, record);
  };

  channel.onmessage = (event: MessageEvent) => {
    const message = readTabMessage(event.data);
    if (!message) return;
    const { key } = message;
    switch (message.type) {
      case "changed": {
        const record = checkRecord(message.record);
        if (!record) return;
        apply(key, record);
        if (acknowledges(message.countedAt)) post({ type: "applied", key, id: message.id });
        notify(key);
        return;
      }
      case "answer": {
        // What an open tab holds for the key: its session, the refusal standing for it, or both.
        const record = checkRecord(message.record);
        if (record) apply(key, record);
        const refusal = checkRefusalRecord(message.refusal);
        if (refusal) refusals.remember(key, refusal);
        if (record || refusal) asks.get(message.id)?.();
        return;
      }
      case "applied":
        pendingAcks.get(message.id)?.();
        return;
      case "released":
        notify(key);
        return;
      case "refused": {
        const refusal = checkRefusalRecord(message.record);
        if (!refusal) return;
        refusals.remember(key, refusal);
        if (acknowledges(message.countedAt)) post({ type: "applied", key, id: message.id });
        return;
      }
      case "ask": {
        const record = current(key);
        const refusal = refusals.standing(key);
        if (!record && !refusal) return;
        post({ type: "answer", key, id: message.id, record, refusal });
        return;
      }
    }
  };

  /** How many other stores of this name are open (each holds the shared tab lock). */
  const countPeers = async () => {
    const state = await navigator.locks.query();
    return Math.max(0, (state.held ?? []).filter((lock) => lock.name === tabLock).length - 1);
  };

  /**
   * Waits, bounded by half of `timeout`, until `peers` stores have applied the change `id`. The writer
   * holds the key's write lock meanwhile, so whichever tab writes next already knows this record:
   * a BroadcastChannel message and a lock grant travel separately, and nothing else orders them.
   */
  const awaitApplied = (id: string, peers: number) =>
    new Promise<void>((resolve) => {
      if (peers === 0) {
        resolve();
        return;
      }
      let remaining = peers;
      const done = () => {
        clearTimeout(timer);
        pendingAcks.delete(id);
        resolve();
      };
      // Half the write timeout: a tab waiting for this lock must still get it within its own.
      const timer = setTimeout(done, timeout / 2);
      pendingAcks.set(id, () => {
        remaining--;
        if (remaining === 0) done();
      });
    });

  /**
   * Posts `message` and waits (bounded, see `awaitApplied`) until the open tabs have applied it.
   * It is stamped with the time taken before counting them: a tab that joined after it does not
   * acknowledge (`acknowledges`).
   */
  const publish = async (message: Extract<TabMessage, { countedAt?: number }>) => {
    const countedAt = Date.now();
    const peers = await countPeers();
    post({ ...message, countedAt });
    await awaitApplied(message.id, peers);
  };

  // A tab keeping sessions to itself asks the open tabs once per key for what they hold: the
  // session, and a refused sign-in standing for it (so a tab opened within the cool-down does not
  // send the same wrong password again). Every caller waits for the one ask: a second read while
  // it is out must not go on as if the open tabs had nothing.
  const askPeers = (key: string): Promise<void> => {
    if (storage.shared || handOffTimeout === 0) return Promise.resolve();
    let asked = askedPeers.get(key);
    if (!asked) {
      asked = askOpenTabs(key);
      askedPeers.set(key, asked);
    }
    return asked;
  };
  const askOpenTabs = async (key: string) => {
    if ((await countPeers()) === 0) return;
    const id = crypto.randomUUID();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, handOffTimeout);
      asks.set(id, () => {
        clearTimeout(timer);
        resolve();
      });
      post({ type: "ask", key, id });
    });
    asks.delete(id);
  };

  const read = async (key: string): Promise<VersionedSession | DeletedSession | undefined> => {
    if (!current(key)?.session) await askPeers(key);
    const record = current(key);
    if (!record) return undefined;
    // After a delete: its tombstone's version, so a compare-and-set from before it fails.
    return record.session
      ? { session: record.session, version: record.version }
      : { version: record.version };
  };

  /** Read, decide and write under the key's write lock, so two tabs never interleave. */
  const write = async (
    key: string,
    accepts: (record: SessionRecord | undefined) => boolean,
    session: StoredSession | undefined,
  ): Promise<SessionRecord | undefined> => {
    try {
      return await navigator.locks.request(
        `${name}:write:${key}`,
        { signal: AbortSignal.timeout(timeout) },
        async () => {
          // A tab that keeps sessions to itself first learns what the open tabs hold.
          await askPeers(key);
          const known = current(key);
          if (!accepts(known)) return undefined;
          // Above every version this tab knows and at least the clock: a tab that reloaded and
          // lost its memory still never hands out an old version again.
          const version = Math.max((known?.version ?? 0) + 1, Date.now());
          const record: SessionRecord = session ? { version, session } : { version };
          storage.save(key, record);
          heard.set(key, record);
          notify(key);
          await publish({ type: "changed", key, id: crypto.randomUUID(), record });
          return record;
        },
      );
    } catch (error) {
      const timedOut = (error as Error)?.name === "TimeoutError";
      throw new BrowserStoreError(
        "write",
        timedOut
          ? `another tab held the write lock of ${key} for more than ${timeout} ms`
          : `writing ${key} failed: ${(error as Error)?.name ?? "Error"}`,
        { cause: error },
      );
    }
  };

  // `coordinated`: the store brings core's lease protocol to the tabs that share it.
  return coordinated({
    read,
    async get(key) {
      return (await read(key))?.session;
    },
    async set(key, session) {
      await write(key, () => true, session);
    },
    async delete(key) {
      await write(key, () => true, undefined);
    },
    async compareAndSet(key, expectedVersion, session) {
      const record = await write(
        key,
        (known) =>
          // Exact: a tombstone's version too, so no write from before a delete lands after it.
          expectedVersion === 0 ? known === undefined : known?.version === expectedVersion,
        session,
      );
      return record ? { session, version: record.version } : undefined;
    },
    acquireLease(key, owner, ttlMs) {
      // Exactly what core asked for: the lease's length is core's, never capped here.
      return leases.acquire(key, owner, Math.max(1, Math.ceil(ttlMs)));
    },
    async releaseLease(key, owner) {
      if (!leases.release(key, owner)) return;
      post({ type: "released", key });
      notify(key);
    },
    async recordRefusal(key, refusal, ttlMs) {
      if (typeof ttlMs !== "number" || !(ttlMs > 0) || ttlMs > MAX_TIMER_MS) {
        throw new BrowserStoreError(
          "write",
          `a refusal's ttlMs must be a number of milliseconds from 1 to ${MAX_TIMER_MS}`,
        );
      }
      const recordedAt = Date.now();
      const record = { refusal, recordedAt, until: recordedAt + ttlMs };
      refusals.record(key, record);
      // Core records a refusal before it releases the renewal lease: waiting for the open tabs to
      // have it means the tab that takes the lease next knows it (a message and a lock grant are
      // not ordered otherwise), and does not send the same wrong password again.
      await publish({ type: "refused", key, id: crypto.randomUUID(), record });
    },
    async readRefusal(key) {
      // A tab opened within the cool-down learns it from the open tabs, even when its first act
      // is a sign-in (a form) rather than a read.
      await askPeers(key);
      return refusals.standing(key)?.refusal;
    },
    subscribe(key, listener) {
      let keyListeners = listeners.get(key);
      if (!keyListeners) {
        keyListeners = new Set();
        listeners.set(key, keyListeners);
      }
      keyListeners.add(listener);
      const unsubscribe = () => {
        keyListeners.delete(listener);
      };
      return Object.assign(unsubscribe, { ready: Promise.resolve(true) });
    },
    close() {
      leases.releaseAll();
      leaveGroup();
      channel.close();
      listeners.clear();
    },
  });
}
