import { LoginkitError, type LoginkitErrorOptions } from "./LoginkitError.js";

/**
 * Every allowed attempt failed without a response. `cause` (and `lastError`) is the last
 * attempt's `NetworkError` or `TimeoutError`. Exhaustion on an HTTP status is not an error:
 * the last response is returned.
 */
export class RetriesExhaustedError extends LoginkitError {
  override name = "RetriesExhaustedError";
  readonly attempts: number;

  constructor(message: string, options: LoginkitErrorOptions & { attempts: number }) {
    super(message, options);
    this.attempts = options.attempts;
  }

  /** The last attempt's error (same as `cause`). */
  get lastError(): unknown {
    return this.cause;
  }
}
