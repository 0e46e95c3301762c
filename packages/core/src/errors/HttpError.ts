import { LoginkitError, type LoginkitErrorOptions } from "./LoginkitError.js";

export interface HttpErrorOptions extends LoginkitErrorOptions {
  status: number;
  body?: unknown;
  response?: Response;
}

/**
 * A provider answered with a non-2xx status where core needed a success (sign-in, refresh,
 * session). Raw calls through the client never throw this: they return `{ error, response }`.
 */
export class HttpError extends LoginkitError {
  override name = "HttpError";
  readonly status: number;
  /** The parsed JSON (or text) error body; token-like fields are redacted in `toJSON()`. */
  readonly body: unknown;
  /** The response itself; not enumerable so it stays out of logs. */
  declare readonly response?: Response;

  constructor(message: string, options: HttpErrorOptions) {
    super(message, options);
    this.status = options.status;
    this.body = options.body;
    Object.defineProperty(this, "response", { value: options.response, enumerable: false });
  }
}
