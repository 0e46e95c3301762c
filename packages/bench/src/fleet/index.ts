// The fleet harness, for `pnpm bench` and for the fleet tests in packages/integration-tests.

export { findExecutable } from "./find-executable.js";
export type { FleetProvider, FleetStore, StormOutcome, WorkerConfig } from "./fleet-protocol.js";
export type { FleetWorker } from "./fleet-worker-process.js";
export {
  type Fleet,
  type FleetOptions,
  type FleetStormResult,
  runFleetStorm,
  type StormOptions,
  startFleet,
} from "./run-fleet-storm.js";
export { type RedisServer, startRedisServer } from "./start-redis-server.js";
