import { LoginkitError, type LoginkitErrorOptions } from "./LoginkitError.js";

/** An attempt took longer than the `timeout` option. */
export class TimeoutError extends LoginkitError {
  override name = "TimeoutError";
  /** The per-attempt limit that was exceeded, in milliseconds. */
  readonly timeout: number;

  constructor(message: string, options: LoginkitErrorOptions & { timeout: number }) {
    super(message, options);
    this.timeout = options.timeout;
  }
}
