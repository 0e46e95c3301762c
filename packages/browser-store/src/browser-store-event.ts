/**
 * What the store tells `onEvent`. Never holds a session or a token, so it can go to logs as is.
 */
export type BrowserStoreEvent =
  /** A stored value was not this store's (another script wrote the key) and was read as absent. */
  { type: "corrupt-value"; key: string; reason: "foreign-value" | "invalid-session" };

/** Calls the listener, ignoring its failures: a broken logger must not break a read. */
export function emitStoreEvent(
  listener: ((event: BrowserStoreEvent) => void) | undefined,
  event: BrowserStoreEvent,
) {
  try {
    listener?.(event);
  } catch {
    // Deliberately ignored, see above.
  }
}
