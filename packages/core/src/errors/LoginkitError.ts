import { redactUrl } from "../utils/redact-url.js";
import { redactValue } from "../utils/redact-value.js";

/** The request an error is about, safe to log: the URL has no credentials or secret query values. */
export interface ErrorRequest {
  readonly method: string;
  readonly url: string;
}

export interface LoginkitErrorOptions {
  cause?: unknown;
  request?: { method: string; url: string | URL };
  /** Known secrets (tokens, credentials): a path segment or query value equal to one is redacted. */
  secrets?: readonly string[];
}

/**
 * Root of every error thrown by `@loginkit/core`. Catch this one class to handle them all.
 *
 * Messages, `toString()` and `toJSON()` never contain a password, a secret or a token:
 * URLs are redacted on the way in and request bodies are never kept.
 */
export class LoginkitError extends Error {
  override name = "LoginkitError";
  /** Method and redacted URL of the request that failed, when there was one. */
  readonly request?: ErrorRequest;

  constructor(message: string, options: LoginkitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    if (options.request) {
      this.request = {
        method: options.request.method.toUpperCase(),
        url: redactUrl(options.request.url, options.secrets),
      };
    }
  }

  /** A plain object for logs: own fields (redacted) plus the cause's name and message. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key !== "name" && key !== "response") json[key] = redactValue(value);
    }
    if (this.cause !== undefined) json.cause = describeCause(this.cause);
    return json;
  }
}

function describeCause(cause: unknown): unknown {
  if (cause instanceof LoginkitError) return cause.toJSON();
  if (cause instanceof Error) return { name: cause.name, message: cause.message };
  return String(cause);
}
