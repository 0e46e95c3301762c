import type { EncryptionKeyInput } from "./codec/encryption-key.js";
import type { RedisClientLike } from "./redis-client-like.js";
import type { RedisStoreEvent } from "./redis-store-event.js";

export interface RedisTokenStoreOptions {
  /**
   * A connected node-redis client (`createClient()` from `redis` v5 or v6). Give it
   * `disableOfflineQueue: true` and a bounded `socket.connectTimeout` so calls fail fast while
   * Redis is down instead of queueing, and an `error` listener (node-redis throws without one).
   */
  client: RedisClientLike;
  /** Put before every key and channel. @default "loginkit:" */
  prefix?: string;
  /**
   * Encrypts every stored session (AES-256-GCM, random IV per write): a `CryptoKey` or 32 raw
   * bytes. Versions and leases stay plaintext. Without it sessions are stored as JSON.
   */
  encryptionKey?: EncryptionKeyInput;
  /**
   * The longest one store call waits for Redis before it rejects, in ms (at most 2^31 − 1, what
   * a timer holds). A reply that arrived in the same turn of a starved event loop still counts.
   * @default 2_000
   */
  timeout?: number;
  /** Told about corrupt values and pub/sub failures; never given a token. */
  onEvent?: (event: RedisStoreEvent) => void;
}

/** The defaults of `createRedisTokenStore`, in one place. The lease's length is core's. */
export const defaultRedisStoreOptions = {
  prefix: "loginkit:",
  timeout: 2_000,
} as const;
