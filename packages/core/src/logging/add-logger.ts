import { readLogEnvironment } from "#log-environment";
import { EVENT_LEVELS } from "../events/event-levels.js";
import type { EventFilter, EventListener } from "../events/event-listeners.js";
import type { SessionEvent } from "../events/session-event.js";
import { scrubSecrets } from "../utils/scrub-secrets.js";
import { describeEvent } from "./describe-event.js";
import { isLogLevel, LOG_LEVELS, type Logger, type LogLevel, writes } from "./log-level.js";

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
  // Both options were checked with the others (CLIENT_OPTIONS) when the client was created.
  const logger = (options.logger ?? console) as Logger;
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

function readLevel(option: unknown, logger: Logger): LogLevel {
  if (option !== undefined) return option as LogLevel;
  const fromEnvironment = readLogEnvironment();
  if (fromEnvironment === undefined) return "off";
  if (isLogLevel(fromEnvironment)) return fromEnvironment;
  // A typo in the environment should not stop a service from starting: said once, then off.
  logger.warn(
    `[loginkit] LOGINKIT_LOG must be one of ${LOG_LEVELS.join(", ")}; got "${fromEnvironment.slice(0, 20)}": logging stays off`,
  );
  return "off";
}
