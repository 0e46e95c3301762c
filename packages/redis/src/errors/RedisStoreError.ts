/** What the Redis store was doing when it failed. */
export type RedisStoreOperation =
  | "read"
  | "write"
  | "acquire-lease"
  | "release-lease"
  | "subscribe"
  | "record-refusal"
  | "read-refusal"
  | "configure";

/**
 * Every failure of the Redis store: Redis unreachable, a script error, a bad option. The message
 * names the operation and the key, never a session or a token; the Redis client's error is `cause`.
 */
export class RedisStoreError extends Error {
  override name = "RedisStoreError";
  readonly operation: RedisStoreOperation;

  constructor(operation: RedisStoreOperation, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.operation = operation;
  }
}
