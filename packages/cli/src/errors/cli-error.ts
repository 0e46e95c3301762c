import { EXIT } from "../exit-codes.js";

/** Root of what the CLI reports as a one-line message with a meaningful exit code. */
export class CliError extends Error {
  override name = "CliError";

  constructor(
    message: string,
    /** The process exit code, from `EXIT`. */
    readonly exitCode: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Bad arguments, an unknown provider, a missing environment variable: exit 2. */
export class UsageError extends CliError {
  override name = "UsageError";

  constructor(message: string, options?: ErrorOptions) {
    super(message, EXIT.usage, options);
  }
}

/** The provider could not be reached (connection refused, DNS, timeout): exit 3. */
export class UnreachableError extends CliError {
  override name = "UnreachableError";

  constructor(message: string, options?: ErrorOptions) {
    super(message, EXIT.unreachable, options);
  }
}

/** The provider refused the credentials given: exit 4. */
export class RefusedError extends CliError {
  override name = "RefusedError";

  constructor(message: string, options?: ErrorOptions) {
    super(message, EXIT.refused, options);
  }
}
