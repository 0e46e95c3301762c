import type { EventFilter, EventListener } from "../events/event-listeners.js";
import type { SessionEvent } from "../events/session-event.js";
import { refuse } from "../options/option-checks.js";
import { scrubSecrets } from "../utils/scrub-secrets.js";
import { describeEvent, EVENT_LEVELS } from "./describe-event.js";
import { isLogLevel, LOG_LEVELS, type Logger, type LogLevel, writes } from "./log-level.js";
import { readLogEnvironment } from "./read-log-environment.js";

const LOGGER_METHODS = ["debug", "info", "warn", "error"] as const;

/**
 * Logs the client's events at `logLevel` (else `LOGINKIT_LOG`, else off) to `logger` (else
 * `console`). Only the event types the level writes are listened to, so below `"debug"` requests
 * build no per-request events at all. Events hold no secret; each line is scrubbed of every
 * secret the client knows all the same, as errors are.
 */
export function addLogger(
  events: { add(listener: EventListener, filter?: EventFilter): () => void },
  options: { logger?: unknown; logLevel?: unknown },
  provider: string,
  secrets: () => readonly string[],
): void {
  const logger = readLogger(options.logger);
  const level = readLevel(options.logLevel, logger);
  if (level === "off") return;
  const types = (Object.keys(EVENT_LEVELS) as SessionEvent["type"][]).filter((type) => {
    const at = EVENT_LEVELS[type];
    return at !== "off" && writes(level, at);
  });
  events.add(
    (event) => {
      const known = secrets();
      const message = scrubSecrets(`[loginkit] ${provider}: ${describeEvent(event)}`, known);
      // The event itself as details, for structured loggers; functions are no detail.
      const { propagate: _, ...details } = event as SessionEvent & { propagate?: unknown };
      const at = EVENT_LEVELS[event.type];
      if (at !== "off") logger[at](message, scrubSecrets(details, known));
    },
    { types },
  );
}

function readLogger(logger: unknown): Logger {
  if (logger === undefined) return console;
  if (typeof logger !== "object" || logger === null) {
    refuse("logger", "an object with debug, info, warn and error methods", logger);
  }
  for (const method of LOGGER_METHODS) {
    if (typeof (logger as Record<string, unknown>)[method] !== "function") {
      refuse(`logger.${method}`, "a function", (logger as Record<string, unknown>)[method]);
    }
  }
  return logger as Logger;
}

function readLevel(option: unknown, logger: Logger): LogLevel {
  if (option !== undefined) {
    if (!isLogLevel(option)) refuse("logLevel", `one of ${LOG_LEVELS.join(", ")}`, option);
    return option;
  }
  const fromEnvironment = readLogEnvironment();
  if (fromEnvironment === undefined) return "off";
  if (isLogLevel(fromEnvironment)) return fromEnvironment;
  // A typo in the environment should not stop a service from starting: said once, then off.
  logger.warn(
    `[loginkit] LOGINKIT_LOG must be one of ${LOG_LEVELS.join(", ")}; got "${fromEnvironment.slice(0, 20)}": logging stays off`,
  );
  return "off";
}
