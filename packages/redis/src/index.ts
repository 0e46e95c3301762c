export type {
  CoordinatedTokenStore,
  DeletedSession,
  RefusalSharingStore,
  SignInRefusal,
  StoredSession,
  TokenStore,
  VersionedSession,
} from "@loginkit/core";
export type { EncryptionKeyInput } from "./codec/encryption-key.js";
export type { UnreadableReason } from "./codec/session-codec.js";
export { createRedisTokenStore, type RedisTokenStore } from "./create-redis-token-store.js";
export {
  RedisStoreError,
  type RedisStoreOperation,
  RedisStoreTimeoutError,
} from "./errors/index.js";
export { type KeyLayout, layoutKeys } from "./key-layout.js";
export type { Unsubscribe } from "./pubsub/create-change-feed.js";
export type {
  RedisClientLike,
  RedisSubscriberLike,
  ScriptArguments,
} from "./redis-client-like.js";
export type { RedisStoreEvent } from "./redis-store-event.js";
export { defaultRedisStoreOptions, type RedisTokenStoreOptions } from "./redis-store-options.js";
