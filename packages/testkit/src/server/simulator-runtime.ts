import type { SimulatorContext } from "../behaviour/simulator-context.js";
import type { CorsOption } from "../cors/cors-options.js";
import type { FaultQueue } from "../faults/fault-queue.js";
import type { RequestLogEntry } from "../observe/request-log-entry.js";
import type { ResponseViolation } from "../observe/response-violation.js";

/** The context plus what the server pipeline records around the handlers. */
export interface SimulatorRuntime {
  readonly context: SimulatorContext;
  readonly faults: FaultQueue;
  readonly requests: RequestLogEntry[];
  readonly violations: ResponseViolation[];
  readonly requestsByToken: Map<string, number>;
  readonly requestsByOperation: Map<string, number>;
  readonly strict: boolean;
  /** Which origins get CORS headers and preflight answers; undefined: none. */
  readonly cors?: CorsOption;
  /** `Access-Control-Expose-Headers` for this spec. */
  readonly exposedHeaders: string;
  /** Told of every request once answered, preflights included. */
  readonly onRequest?: (entry: RequestLogEntry) => void;
}
