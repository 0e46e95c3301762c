import type { shareRefusal } from "./refusal-sharing.js";
import type { renewUnderLease } from "./renew-under-lease.js";
import type { TokenStore } from "./token-store.js";
import type { watchSignOuts } from "./watch-sign-outs.js";

/**
 * The property under which a coordinating store carries the lease protocol. A registered symbol
 * (`Symbol.for`), so a store built against another copy of core is still recognised.
 */
export const leaseProtocol: unique symbol = Symbol.for("@loginkit/core/lease-protocol");

/**
 * How clients sharing a coordinating store renew once between them, share refused sign-ins and
 * hear each other's sign-outs. The store brings it (see `coordinated()` in
 * `@loginkit/core/coordination`), so a client with the default store never loads it.
 */
export interface LeaseProtocol {
  readonly renewUnderLease: typeof renewUnderLease;
  readonly shareRefusal: typeof shareRefusal;
  readonly watchSignOuts: typeof watchSignOuts;
}

/** A store that carries the lease protocol; an own enumerable property, so `{...store}` keeps it. */
export interface CarriesLeaseProtocol {
  readonly [leaseProtocol]: LeaseProtocol;
}

/** The lease protocol `store` carries, if any. */
export function leaseProtocolOf(store: TokenStore): LeaseProtocol | undefined {
  return (store as Partial<CarriesLeaseProtocol>)[leaseProtocol];
}
