import { ConfigurationError } from "../errors/ConfigurationError.js";
import { type CoordinatedTokenStore, isCoordinatedTokenStore } from "./coordinated-token-store.js";
import { type CarriesLeaseProtocol, type LeaseProtocol, leaseProtocol } from "./lease-protocol.js";
import { shareRefusal } from "./refusal-sharing.js";
import { renewUnderLease } from "./renew-under-lease.js";
import { watchSignOuts } from "./watch-sign-outs.js";

const protocol: LeaseProtocol = { renewUnderLease, shareRefusal, watchSignOuts };

/**
 * Makes `store` coordinate the clients that share it: it now carries the lease protocol, which
 * core calls to renew once for all of them (and to share refused sign-ins, when the store
 * implements `RefusalSharingStore`). The store itself is returned, not a copy, so methods on
 * its prototype keep working; the protocol is an own enumerable property, so `{...store}` keeps it.
 *
 * @example
 * export function createMyStore(): CoordinatedTokenStore {
 *   return coordinated({ get, set, delete: remove, read, compareAndSet, acquireLease, releaseLease });
 * }
 */
export function coordinated<S extends CoordinatedTokenStore>(store: S): S & CarriesLeaseProtocol {
  if (typeof store !== "object" || store === null || !isCoordinatedTokenStore(store)) {
    throw new ConfigurationError(
      "coordinated() needs a CoordinatedTokenStore: an object with the methods read, compareAndSet, acquireLease and releaseLease",
      { option: "tokenStore" },
    );
  }
  return Object.assign(store, { [leaseProtocol]: protocol });
}
