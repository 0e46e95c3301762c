/** The token store operations core calls, as named in `store-failed` events. */
export type StoreOperation =
  | "get"
  | "set"
  | "delete"
  | "read"
  | "compare-and-set"
  | "acquire-lease"
  | "release-lease"
  | "subscribe";

/** One store call, bounded by `storeTimeout`; a failure is reported, never thrown. */
export type StoreCall = <T>(
  operation: StoreOperation,
  call: () => Promise<T>,
) => Promise<{ ok: true; value: T } | { ok: false }>;
