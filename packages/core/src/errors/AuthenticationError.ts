import { LoginkitError, type LoginkitErrorOptions } from "./LoginkitError.js";

export interface AuthenticationErrorOptions extends LoginkitErrorOptions {
  status?: number;
  code?: string;
}

/**
 * Signing in or refreshing failed because the provider refused the credentials or the refresh
 * token. Never retried. `code` is the provider's error code (e.g. `INVALID_CREDENTIALS`).
 */
export class AuthenticationError extends LoginkitError {
  override name = "AuthenticationError";
  readonly status?: number;
  readonly code?: string;

  constructor(message: string, options: AuthenticationErrorOptions = {}) {
    super(message, options);
    this.status = options.status;
    this.code = options.code;
  }
}
