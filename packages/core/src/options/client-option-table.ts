import { LOG_LEVELS } from "../logging/log-level.js";
import {
  aFunction,
  arrayOf,
  byteCount,
  defaultsOf,
  httpUrl,
  milliseconds,
  millisecondsOrFalse,
  nonEmptyString,
  type OptionTable,
  objectWithMethods,
  oneOf,
} from "./option-rules.js";

/**
 * The client options core checks when a client is created, each with what it may be and its
 * default: one description, so a rule, its message and its default cannot drift apart. Retry
 * options have their own table (`RETRY_OPTIONS`); `credentials` are checked against the
 * provider's schema, inputs and `headers` where they are read, logging where it is set up.
 */
export const CLIENT_OPTIONS = {
  baseUrl: { check: httpUrl },
  trustedOrigins: { check: arrayOf("an array of URLs", httpUrl) },
  timeout: { check: millisecondsOrFalse(1), default: 30_000 },
  renewBeforeExpiry: { check: milliseconds(0), default: 30_000 },
  storeTimeout: { check: milliseconds(1), default: 5_000 },
  leaseTtl: { check: milliseconds(1) },
  refusalCoolDown: { check: milliseconds(0), default: 300_000 },
  maxResponseBytes: { check: byteCount, default: 1_048_576 },
  maxErrorBodyBytes: { check: byteCount, default: 65_536 },
  storeKey: { check: nonEmptyString },
  tokenStore: { check: objectWithMethods("a TokenStore", ["get", "set", "delete"]) },
  fetch: { check: aFunction },
  onEvent: { check: aFunction },
  logger: {
    check: objectWithMethods("an object with debug, info, warn and error methods", [
      "debug",
      "info",
      "warn",
      "error",
    ]),
  },
  logLevel: { check: oneOf(LOG_LEVELS) },
} as const satisfies OptionTable;

/** Client defaults that are not retry options (those are `defaultRetryOptions`). */
export const defaultClientOptions = defaultsOf(CLIENT_OPTIONS);
