import { AuthenticationError } from "../errors/AuthenticationError.js";
import type { RefusalSharingStore } from "./coordinated-token-store.js";
import { fingerprintCredentials } from "./fingerprint-credentials.js";
import { describeRefusal, isRefusal, refusedAgain } from "./sign-in-refusal.js";
import type { StoreCall } from "./store-call.js";

export interface RefusalSharing {
  readonly store: RefusalSharingStore;
  readonly key: string;
  /** How long a refusal stands for every client of the store, in ms. */
  readonly coolDown: number;
  readonly call: StoreCall;
}

/**
 * Account-lockout protection: a sign-in the provider refused is recorded in the store under a
 * fingerprint of the credentials (a salted, slow digest; never the secret) for `coolDown`. Until
 * it ends, every client of the store with the same credentials fails at once with the same
 * `AuthenticationError` instead of posting the same wrong password again: one attempt per
 * cool-down for the whole fleet. Other credentials (a fixed password) have another fingerprint
 * and are tried at once. The digest is computed only when a refusal is recorded or found, so a
 * sign-in that nothing refused costs one store read.
 */
export async function shareRefusal<T>(
  sharing: RefusalSharing,
  credentials: unknown,
  attempt: () => Promise<T>,
): Promise<T> {
  // Browsers offer `crypto.subtle` only in secure contexts: on a plain http:// page the client
  // signs in unshared rather than fail with the platform's TypeError (as `OwnRefusal` does).
  if (!globalThis.crypto?.subtle) return attempt();
  const { store, key, coolDown, call } = sharing;
  const recorded = await call("read-refusal", () => store.readRefusal(key));
  if (recorded.ok && isRefusal(recorded.value)) {
    const fingerprint = await fingerprintCredentials(key, credentials);
    if (recorded.value.fingerprint === fingerprint) throw refusedAgain(recorded.value);
  }
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof AuthenticationError) {
      const refusal = describeRefusal(error, await fingerprintCredentials(key, credentials));
      await call("record-refusal", () => store.recordRefusal(key, refusal, coolDown));
    }
    throw error;
  }
}
