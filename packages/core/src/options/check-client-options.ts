import { checkCredentials } from "../credentials/check-credentials.js";
import type { ProviderDescription } from "../provider/provider-description.js";
import { CLIENT_OPTIONS } from "./client-option-table.js";
import { checkOptions } from "./option-rules.js";

/**
 * Checks every option a client is created with, so a mistake fails at once with a
 * `ConfigurationError` that names the option and says what it may be, instead of later as a
 * platform error (or never, as a timeout of NaN that fires at once).
 */
export function checkClientOptions(
  description: ProviderDescription,
  options: Record<string, unknown>,
): void {
  checkOptions(CLIENT_OPTIONS, options);
  const { credentials } = options;
  if (credentials !== undefined && typeof credentials !== "function") {
    checkCredentials(description, credentials);
  }
}
