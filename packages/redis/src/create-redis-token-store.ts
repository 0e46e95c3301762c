import type { CoordinatedTokenStore, StoredSession, VersionedSession } from "@loginkit/core";
import { prepareEncryptionKey } from "./codec/encryption-key.js";
import { createSessionCodec } from "./codec/session-codec.js";
import { RedisStoreError } from "./errors/RedisStoreError.js";
import { layoutKeys } from "./key-layout.js";
import { createChangeFeed, type Unsubscribe } from "./pubsub/create-change-feed.js";
import { emitStoreEvent } from "./redis-store-event.js";
import { defaultRedisStoreOptions, type RedisTokenStoreOptions } from "./redis-store-options.js";
import { acquireLeaseScript } from "./scripts/acquire-lease-script.js";
import { readScript } from "./scripts/read-script.js";
import { releaseLeaseScript } from "./scripts/release-lease-script.js";
import { defineScript, runScript } from "./scripts/run-script.js";
import { writeScript } from "./scripts/write-script.js";

/** A coordinated token store in Redis; `close()` closes the pub/sub connection it opened. */
export interface RedisTokenStore extends CoordinatedTokenStore {
  /**
   * Calls `listener` after every write or delete of `key` by any process, and when its lease is
   * released. The subscription becomes active one Redis round trip later: `ready` says when.
   */
  subscribe(key: string, listener: () => void): Unsubscribe;
  /** Closes what the store opened (its pub/sub connection); never the client you passed. */
  close(): Promise<void>;
}

const scripts = {
  read: defineScript(readScript),
  write: defineScript(writeScript),
  acquireLease: defineScript(acquireLeaseScript),
  releaseLease: defineScript(releaseLeaseScript),
};

const positiveOption = (name: string, value: number | undefined, fallback: number) => {
  const chosen = value ?? fallback;
  if (!Number.isFinite(chosen) || chosen <= 0) {
    throw new RedisStoreError("configure", `${name} must be a positive number of milliseconds`);
  }
  return chosen;
};

/**
 * A token store that lets every process of a fleet share one session per key: atomic
 * compare-and-set and a renewal lease as Lua scripts, changes announced over pub/sub.
 *
 * @example
 * const redis = await createClient({ url: process.env.REDIS_URL, disableOfflineQueue: true })
 *   .on("error", (error) => log.warn(error.name))
 *   .connect();
 * const tokenStore = createRedisTokenStore({ client: redis });
 * const client = createOrgPlatformClient({ baseUrl, credentials, tokenStore });
 */
export function createRedisTokenStore(options: RedisTokenStoreOptions): RedisTokenStore {
  const { client, onEvent } = options;
  const prefix = options.prefix ?? defaultRedisStoreOptions.prefix;
  const leaseTtl = positiveOption("leaseTtl", options.leaseTtl, defaultRedisStoreOptions.leaseTtl);
  const timeout = positiveOption("timeout", options.timeout, defaultRedisStoreOptions.timeout);
  const codec = createSessionCodec(
    options.encryptionKey === undefined ? undefined : prepareEncryptionKey(options.encryptionKey),
  );
  const feed = createChangeFeed(client, onEvent);
  // The version of a value each key last read as corrupt: a compare-and-set from "absent" may
  // replace exactly that value, so one bad value never blocks a key for good.
  const corruptVersions = new Map<string, number>();

  const read = async (key: string): Promise<VersionedSession | undefined> => {
    const keys = layoutKeys(prefix, key);
    const reply = (await runScript(
      client,
      scripts.read,
      { keys: [keys.session], arguments: [] },
      "read",
      timeout,
    )) as [number, string | null];
    const version = Number(reply[0]);
    const payload = reply[1];
    if (version === -1) {
      emitStoreEvent(onEvent, { type: "corrupt-value", key, reason: "foreign-type" });
      return undefined;
    }
    corruptVersions.delete(key);
    if (payload === null || payload === undefined) return undefined;
    const decoded = await codec.decode(String(payload), keys.session);
    if ("unreadable" in decoded) {
      corruptVersions.set(key, version);
      emitStoreEvent(onEvent, { type: "corrupt-value", key, reason: decoded.unreadable });
      return undefined;
    }
    return { session: decoded.session, version };
  };

  const write = async (
    key: string,
    mode: "set" | "cas" | "delete",
    expectedVersion: number,
    session: StoredSession | undefined,
  ) => {
    const keys = layoutKeys(prefix, key);
    const payload = session ? await codec.encode(session, keys.session) : "";
    const reply = await runScript(
      client,
      scripts.write,
      {
        keys: [keys.session],
        arguments: [
          mode,
          String(expectedVersion),
          payload,
          keys.channel,
          String(corruptVersions.get(key) ?? ""),
        ],
      },
      "write",
      timeout,
    );
    if (reply === null || reply === undefined) return undefined;
    corruptVersions.delete(key);
    return Number(reply);
  };

  return {
    read,
    async get(key) {
      return (await read(key))?.session;
    },
    async set(key, session) {
      await write(key, "set", 0, session);
    },
    async delete(key) {
      await write(key, "delete", 0, undefined);
    },
    async compareAndSet(key, expectedVersion, session) {
      if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0) return undefined;
      const version = await write(key, "cas", expectedVersion, session);
      return version === undefined ? undefined : { session, version };
    },
    async acquireLease(key, owner, ttlMs) {
      const ttl = Math.max(1, Math.min(Math.ceil(ttlMs), leaseTtl));
      const reply = await runScript(
        client,
        scripts.acquireLease,
        { keys: [layoutKeys(prefix, key).lease], arguments: [owner, String(ttl)] },
        "acquire-lease",
        timeout,
      );
      return Number(reply) === 1;
    },
    async releaseLease(key, owner) {
      const keys = layoutKeys(prefix, key);
      await runScript(
        client,
        scripts.releaseLease,
        { keys: [keys.lease], arguments: [owner, keys.channel] },
        "release-lease",
        timeout,
      );
    },
    subscribe(key, listener) {
      return feed.listen(layoutKeys(prefix, key).channel, listener);
    },
    close() {
      return feed.close();
    },
  };
}
