import { checkCredentials } from "../credentials/check-credentials.js";
import type { ProviderDescription } from "../provider/provider-description.js";
import {
  checkFunction,
  checkHttpUrl,
  checkWholeNumber,
  MAX_TIMER_MS,
  refuse,
} from "./option-checks.js";

/** The options `checkClientOptions` reads (a subset of `ProviderClientOptions`). */
type CheckedOptions = Record<string, unknown>;

/**
 * Checks every option a client is created with, so a mistake fails at once with a
 * `ConfigurationError` that names the option and says what it may be, instead of later as a
 * platform error (or never, as a timeout of NaN that fires at once). Retry options are checked
 * by `normalizeRetryOptions`, inputs and headers where they are read.
 */
export function checkClientOptions(description: ProviderDescription, options: CheckedOptions) {
  if (options.baseUrl !== undefined) checkHttpUrl("baseUrl", options.baseUrl);
  const { trustedOrigins } = options;
  if (trustedOrigins !== undefined) {
    if (!Array.isArray(trustedOrigins))
      refuse("trustedOrigins", "an array of URLs", trustedOrigins);
    for (const [index, origin] of trustedOrigins.entries()) {
      checkHttpUrl(`trustedOrigins[${index}]`, origin);
    }
  }
  if (options.timeout !== undefined && options.timeout !== false) {
    checkWholeNumber("timeout", options.timeout, 1, MAX_TIMER_MS, " of ms", " (or false for none)");
  }
  for (const [option, min, max, unit] of [
    ["renewBeforeExpiry", 0, MAX_TIMER_MS, " of ms"],
    ["storeTimeout", 1, MAX_TIMER_MS, " of ms"],
    ["leaseTtl", 1, MAX_TIMER_MS, " of ms"],
    ["refusalCoolDown", 0, MAX_TIMER_MS, " of ms"],
    ["maxResponseBytes", 1, Number.MAX_SAFE_INTEGER, " of bytes"],
    ["maxErrorBodyBytes", 1, Number.MAX_SAFE_INTEGER, " of bytes"],
  ] as const) {
    if (options[option] !== undefined) checkWholeNumber(option, options[option], min, max, unit);
  }
  if (
    options.storeKey !== undefined &&
    (typeof options.storeKey !== "string" || options.storeKey === "")
  ) {
    refuse("storeKey", "a non-empty string", options.storeKey);
  }
  const store = options.tokenStore as Record<string, unknown> | undefined;
  if (store !== undefined) {
    if (typeof store !== "object" || store === null) refuse("tokenStore", "a TokenStore", store);
    for (const method of ["get", "set", "delete"])
      checkFunction(`tokenStore.${method}`, store[method]);
  }
  for (const option of ["fetch", "onEvent"]) {
    if (options[option] !== undefined) checkFunction(option, options[option]);
  }
  const { credentials } = options;
  if (credentials !== undefined && typeof credentials !== "function") {
    checkCredentials(description, credentials);
  }
}
