/** The token store operations core calls, as named in `store-failed` events. */
export type StoreOperation =
  | "get"
  | "set"
  | "delete"
  | "read"
  | "compare-and-set"
  | "acquire-lease"
  | "release-lease"
  | "subscribe"
  | "read-refusal"
  | "record-refusal";

/**
 * What became of one store call. `slow`: it failed by timing out (the store or this event loop
 * is slow), which is worth waiting out; otherwise the store could not be reached or refused.
 */
export type StoreCallResult<T> = { ok: true; value: T } | { ok: false; slow: boolean };

/** One store call, bounded by `storeTimeout`; a failure is reported, never thrown. */
export type StoreCall = <T>(
  operation: StoreOperation,
  call: () => Promise<T>,
) => Promise<StoreCallResult<T>>;

/** Whether a store call failed by timing out rather than by failing outright. */
export function isTimeoutFailure(error: unknown): boolean {
  const name = error instanceof Error ? error.name : "";
  return name.endsWith("TimeoutError");
}
