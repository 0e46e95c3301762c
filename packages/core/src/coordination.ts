/**
 * `@loginkit/core/coordination`: what a coordinating token store imports to bring the lease
 * protocol to the clients that share it. A client with the default store never loads this.
 */
export { coordinated } from "./session/coordinated.js";
export {
  type CarriesLeaseProtocol,
  type LeaseProtocol,
  leaseProtocol,
} from "./session/lease-protocol.js";
