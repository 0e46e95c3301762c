// `@loginkit/testkit` for Node: the in-process simulators, plus `startSimulator` (a node:http
// server) and spec files read from disk. Browsers and edge runtimes import
// `@loginkit/testkit/in-process` instead.
export type { SimulatorAccount, SimulatorAccountInput } from "./accounts/simulator-account.js";
export type { SentMessage } from "./behaviour/sent-message.js";
export type { CredentialForm } from "./conformance/credential-form.js";
export type { DriftFinding, ReceivedAnswer } from "./conformance/drift-finding.js";
export { loadSpecConformance, type SpecConformance } from "./conformance/spec-conformance.js";
export type { CorsOption } from "./cors/cors-options.js";
export { ResponseViolationError, SpecError, TestkitError } from "./errors/index.js";
export type { Fault, FaultTarget } from "./faults/fault.js";
export { createSimulator } from "./node/create-node-simulator.js";
export {
  type ServedHandler,
  type ServeOptions,
  serveFetchHandler,
} from "./node/serve-fetch-handler.js";
export type { RequestLogEntry } from "./observe/request-log-entry.js";
export type { ResponseViolation } from "./observe/response-violation.js";
export type { SimulatorStats } from "./observe/simulator-stats.js";
export type { FetchHandler } from "./simulator/fetch-handler.js";
export type {
  ExampleRequest,
  ProviderSource,
  Simulator,
  SimulatorOptions,
} from "./simulator.js";
export { listShippedProviders } from "./sources/shipped-specs.js";
export { startSimulator } from "./start-simulator.js";
export type { SimulatorClock } from "./tokens/simulated-clock.js";
