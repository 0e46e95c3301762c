import { redactValue } from "../utils/redact-value.js";
import { scrubSecrets } from "../utils/scrub-secrets.js";
import { LoginkitError, type LoginkitErrorOptions } from "./LoginkitError.js";

export interface HttpErrorOptions extends LoginkitErrorOptions {
  status: number;
  body?: unknown;
  response?: Response;
  /** Values known to be secret (credentials, tokens) to blank out wherever the body repeats them. */
  secrets?: readonly string[];
}

/**
 * A provider answered with a non-2xx status where core needed a success (sign-in, refresh,
 * session). Raw calls through the client never throw this: they return `{ error, response }`.
 */
export class HttpError extends LoginkitError {
  override name = "HttpError";
  readonly status: number;
  /**
   * The parsed JSON (or text) error body, with secret-looking fields and any credential or token
   * the provider echoed replaced by `[redacted]`: it is logged, so it must be safe to log.
   */
  readonly body: unknown;
  /** The response itself; not enumerable so it stays out of logs. */
  declare readonly response?: Response;

  constructor(message: string, options: HttpErrorOptions) {
    super(message, options);
    this.status = options.status;
    this.body = redactValue(scrubSecrets(options.body, options.secrets ?? []));
    Object.defineProperty(this, "response", { value: options.response, enumerable: false });
  }
}
