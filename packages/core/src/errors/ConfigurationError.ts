import { LoginkitError } from "./LoginkitError.js";

/**
 * The client cannot work with the options given: no base URL, a missing required input,
 * no credentials when a sign-in is needed, or an operation the provider does not describe.
 */
export class ConfigurationError extends LoginkitError {
  override name = "ConfigurationError";
}
