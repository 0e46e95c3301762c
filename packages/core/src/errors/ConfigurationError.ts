import { LoginkitError, type LoginkitErrorOptions } from "./LoginkitError.js";

export interface ConfigurationErrorOptions extends LoginkitErrorOptions {
  /** The option at fault, e.g. `timeout` or `retry.limit`. */
  option?: string;
}

/**
 * The client cannot work with the options given: an option of the wrong type or out of range,
 * no base URL, a missing or malformed input, no credentials when a sign-in is needed, or an
 * operation the provider does not describe. Thrown by `create…Client` before anything is sent.
 */
export class ConfigurationError extends LoginkitError {
  override name = "ConfigurationError";
  /** The option at fault, when one is. */
  readonly option?: string;

  constructor(message: string, options: ConfigurationErrorOptions = {}) {
    super(message, options);
    if (options.option !== undefined) this.option = options.option;
  }
}
