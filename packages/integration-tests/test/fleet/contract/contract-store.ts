import type { CoordinatedTokenStore, RefusalSharingStore } from "@loginkit/core";

// The contract of issue #11, as `@loginkit/core` declares it, and the refusal sharing every
// shared store offers (account-lockout protection: one wrong password per cool-down for a fleet).

/** A store under contract test. `subscribe` may return an unsubscribe carrying `ready`, a
 * promise that settles once the subscription is active (Redis needs a round trip for it). */
export type ContractStore = CoordinatedTokenStore & RefusalSharingStore;

/** How the suite reaches one shared store from several participants (processes or tabs). */
export interface ContractSubject {
  /** One more participant: its own connection, tab or client over the same shared store. */
  open(): Promise<ContractStore>;
  /** Ends every participant opened and whatever the subject started. */
  close(): Promise<void>;
}
