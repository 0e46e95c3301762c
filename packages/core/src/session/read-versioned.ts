import { ProtocolError } from "../errors/ProtocolError.js";
import type {
  CoordinatedTokenStore,
  DeletedSession,
  VersionedSession,
} from "./coordinated-token-store.js";
import { readStoredSession } from "./read-stored-session.js";
import type { StoreCall, StoreOperation } from "./store-call.js";

/** A checked read: a session, a delete's tombstone, nothing, or a failure (`slow`: timed out). */
export type StoreRead =
  | VersionedSession
  | DeletedSession
  | undefined
  | { failed: true; slow: boolean };

/** A coordinating store as the session manager lends it: bounded calls, failures reported. */
export interface StoreAccess {
  readonly store: CoordinatedTokenStore;
  readonly key: string;
  /** One bounded store call; `ok: false` when it failed (already reported as `store-failed`). */
  readonly call: StoreCall;
  /** Reports a store failure as a `store-failed` event. */
  readonly report: (operation: StoreOperation, error: unknown) => void;
}

export const isFailedRead = (read: StoreRead): read is { failed: true; slow: boolean } =>
  read !== undefined && "failed" in read;

/** The stored session and its version, checked; `failed` when the store could not give one. */
export async function readVersioned(access: StoreAccess): Promise<StoreRead> {
  const { store, key, call, report } = access;
  const read = await call("read", () => store.read(key));
  if (!read.ok) return { failed: true, slow: read.slow };
  if (read.value == null) return undefined;
  const { version } = read.value;
  try {
    if (!Number.isSafeInteger(version) || version < 1) {
      throw new ProtocolError("The stored session's version is not a safe positive integer");
    }
    if (read.value.session === undefined) return { version };
    return { session: readStoredSession(read.value.session), version };
  } catch (error) {
    // Corrupt (a token no header carries, too large, a version past 2^53): reported, and the
    // next renewal replaces it under the lease.
    report("read", error);
    return { failed: true, slow: false };
  }
}
