/** The log levels, quietest first: a logger at a level writes that level and the ones before. */
export const LOG_LEVELS = ["off", "error", "warn", "info", "debug"] as const;

/**
 * How much the client logs. `"error"`: failed sign-ins and renewals; `"warn"`: also store
 * failures, deferred or abandoned renewals, refused refresh tokens; `"info"`: also sign-ins,
 * renewals, sign-outs and retries; `"debug"`: also each request, attempt and renewal start.
 */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Any object with these four methods, such as `console`, pino or winston. */
export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === "string" && (LOG_LEVELS as readonly string[]).includes(value);
}

/** Whether a line at `level` is written by a logger set to `threshold`. */
export function writes(threshold: LogLevel, level: Exclude<LogLevel, "off">): boolean {
  return LOG_LEVELS.indexOf(level) <= LOG_LEVELS.indexOf(threshold);
}
