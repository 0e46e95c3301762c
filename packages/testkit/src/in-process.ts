// `@loginkit/testkit/in-process`: the simulators without a port, for browsers, edge runtimes,
// Deno, Bun and jsdom. Nothing this entry loads imports from `node:`.
export type { SimulatorAccount, SimulatorAccountInput } from "./accounts/simulator-account.js";
export type { SentMessage } from "./behaviour/sent-message.js";
export type { CorsOption } from "./cors/cors-options.js";
export { createSimulator } from "./create-simulator.js";
export { ResponseViolationError, SpecError, TestkitError } from "./errors/index.js";
export type { Fault, FaultTarget } from "./faults/fault.js";
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
export type { SimulatorClock } from "./tokens/simulated-clock.js";
