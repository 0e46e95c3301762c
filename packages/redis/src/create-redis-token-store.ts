import type {
  CoordinatedTokenStore,
  DeletedSession,
  RefusalSharingStore,
  SignInRefusal,
  StoredSession,
  VersionedSession,
} from "@loginkit/core";
import { coordinated } from "@loginkit/core/coordination";
import { checkRedisStoreOptions } from "./check-redis-store-options.js";
import { prepareEncryptionKey } from "./codec/encryption-key.js";
import { createSessionCodec } from "./codec/session-codec.js";
import { RedisStoreError } from "./errors/RedisStoreError.js";
import { layoutKeys } from "./key-layout.js";
import { createChangeFeed, type Unsubscribe } from "./pubsub/create-change-feed.js";
import { emitStoreEvent } from "./redis-store-event.js";
import { defaultRedisStoreOptions, type RedisTokenStoreOptions } from "./redis-store-options.js";
import { acquireLeaseScript } from "./scripts/acquire-lease-script.js";
import { readScript } from "./scripts/read-script.js";
import { readRefusalScript, recordRefusalScript } from "./scripts/refusal-scripts.js";
import { releaseLeaseScript } from "./scripts/release-lease-script.js";
import { defineScript, runScript } from "./scripts/run-script.js";
import { writeScript } from "./scripts/write-script.js";

/** A coordinated token store in Redis; `close()` closes the pub/sub connection it opened. */
export interface RedisTokenStore extends CoordinatedTokenStore, RefusalSharingStore {
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
  recordRefusal: defineScript(recordRefusalScript),
  readRefusal: defineScript(readRefusalScript),
};

/** A reply Redis (or a client double) sent that the scripts never return: a typed error. */
const unexpectedReply = (operation: "read" | "write" | "acquire-lease", key: string) =>
  new RedisStoreError(operation, `Redis sent an unexpected reply to ${operation} of ${key}`);

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
  checkRedisStoreOptions(options);
  const { client, onEvent } = options;
  const prefix = options.prefix ?? defaultRedisStoreOptions.prefix;
  const timeout = options.timeout ?? defaultRedisStoreOptions.timeout;
  const codec = createSessionCodec(
    options.encryptionKey === undefined ? undefined : prepareEncryptionKey(options.encryptionKey),
  );
  const feed = createChangeFeed(client, onEvent);
  // The version of a value each key last read as corrupt: a compare-and-set from "absent" may
  // replace exactly that value, so one bad value never blocks a key for good.
  const corruptVersions = new Map<string, number>();

  const read = async (key: string): Promise<VersionedSession | DeletedSession | undefined> => {
    const keys = layoutKeys(prefix, key);
    const reply = await runScript(
      client,
      scripts.read,
      { keys: [keys.session], arguments: [] },
      "read",
      timeout,
    );
    if (!Array.isArray(reply) || reply.length !== 2) throw unexpectedReply("read", keys.session);
    const version = Number(reply[0]);
    const payload: unknown = reply[1];
    if (!Number.isSafeInteger(version) || version < -1) throw unexpectedReply("read", keys.session);
    if (version === -1) {
      emitStoreEvent(onEvent, { type: "corrupt-value", key, reason: "foreign-type" });
      return undefined;
    }
    corruptVersions.delete(key);
    if (version === 0) return undefined;
    if (payload === null || payload === undefined) return { version };
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
    const version = Number(reply);
    if (!Number.isSafeInteger(version) || version < 1) throw unexpectedReply("write", keys.session);
    corruptVersions.delete(key);
    return version;
  };

  // `coordinated`: the store brings core's lease protocol to the clients that share it.
  return coordinated({
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
      // Exactly what core asked for: the lease's length is core's, never capped here.
      const ttl = Math.max(1, Math.ceil(ttlMs));
      const leaseKey = layoutKeys(prefix, key).lease;
      const reply = await runScript(
        client,
        scripts.acquireLease,
        { keys: [leaseKey], arguments: [owner, String(ttl)] },
        "acquire-lease",
        timeout,
      );
      if (reply !== 0 && reply !== 1) throw unexpectedReply("acquire-lease", leaseKey);
      return reply === 1;
    },
    async recordRefusal(key, refusal, ttlMs) {
      await runScript(
        client,
        scripts.recordRefusal,
        {
          keys: [layoutKeys(prefix, key).refused],
          arguments: [JSON.stringify(refusal), String(Math.max(1, Math.ceil(ttlMs)))],
        },
        "record-refusal",
        timeout,
      );
    },
    async readRefusal(key) {
      const reply = await runScript(
        client,
        scripts.readRefusal,
        { keys: [layoutKeys(prefix, key).refused], arguments: [] },
        "read-refusal",
        timeout,
      );
      if (typeof reply !== "string") return undefined;
      try {
        return JSON.parse(reply) as SignInRefusal;
      } catch {
        // Not ours: read as no refusal (core checks the fields of what it gets anyway).
        return undefined;
      }
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
  });
}
