import { checkKnownKeys, checkWholeNumber, refuse } from "./option-checks.js";
import { checkOptions } from "./option-rules.js";
import { RETRY_OPTIONS } from "./retry-option-table.js";

const RETRY_KEYS = Object.keys(RETRY_OPTIONS);

/**
 * Checks `retry`: `false`, a whole number of retries, or an options object whose every given
 * field fits its row of `RETRY_OPTIONS`; a misspelt field is refused by name.
 */
export function checkRetryOptions(retry: unknown, path = "retry"): void {
  if (retry === undefined || retry === false) return;
  if (typeof retry === "number") {
    checkWholeNumber(path, retry, 0, Number.MAX_SAFE_INTEGER);
    return;
  }
  if (typeof retry !== "object" || retry === null || Array.isArray(retry)) {
    refuse(path, "false, a number of retries or an options object", retry);
  }
  checkKnownKeys(path, retry, RETRY_KEYS);
  checkOptions(RETRY_OPTIONS, retry as Record<string, unknown>, `${path}.`);
}
