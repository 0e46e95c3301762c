/** What the browser store was doing when it failed. */
export type BrowserStoreOperation = "read" | "write" | "acquire-lease" | "configure";

/**
 * Every failure of the browser store: no Web Locks or BroadcastChannel, a lock not granted in
 * time, a full storage. The message names the operation and key, never a session or a token.
 */
export class BrowserStoreError extends Error {
  override name = "BrowserStoreError";
  readonly operation: BrowserStoreOperation;

  constructor(operation: BrowserStoreOperation, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.operation = operation;
  }
}
