import type { UnreadableReason } from "./codec/session-codec.js";

/**
 * What the store tells `onEvent`. Never holds a session, a token or a key's bytes, so it can go
 * to logs as is.
 */
export type RedisStoreEvent =
  /**
   * A value under a session key could not be read as a session and was treated as absent:
   * `foreign-type` (another Redis type or no version: written by another program), `foreign-value`
   * (not this store's format), `undecryptable` (another key, or tampered), `unencrypted` (plaintext
   * while an `encryptionKey` is set), `invalid-session` (not a session's shape).
   */
  | { type: "corrupt-value"; key: string; reason: UnreadableReason | "foreign-type" }
  /** The pub/sub connection failed; `subscribe` listeners may miss changes until it reconnects. */
  | { type: "subscriber-failed"; error: string };

/** Calls the listener, ignoring its failures: a broken logger must not break a read. */
export function emitStoreEvent(
  listener: ((event: RedisStoreEvent) => void) | undefined,
  event: RedisStoreEvent,
) {
  try {
    listener?.(event);
  } catch {
    // Deliberately ignored, see above.
  }
}
