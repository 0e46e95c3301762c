import { CliError, RefusedError, UnreachableError, UsageError } from "./cli-error.js";

/**
 * A client error as the CLI reports it. Core's errors never carry a secret (core README,
 * "Errors"), so their messages are shown as they are; the class decides the exit code.
 */
export function fromClientError(error: unknown, providerId: string): CliError {
  if (error instanceof CliError) return error;
  if (!(error instanceof Error)) return new CliError(String(error), 1);
  const cause = (error as { lastError?: unknown }).lastError ?? error.cause;
  switch (error.name) {
    case "AuthenticationError":
      return new RefusedError(`${providerId} refused the credentials: ${error.message}`, {
        cause: error,
      });
    case "NetworkError":
    case "TimeoutError":
      return new UnreachableError(`${providerId} is unreachable: ${error.message}`, {
        cause: error,
      });
    case "RetriesExhaustedError":
      if (cause instanceof Error && /NetworkError|TimeoutError/.test(cause.name))
        return new UnreachableError(`${providerId} is unreachable: ${error.message}`, {
          cause: error,
        });
      return new CliError(error.message, 1, { cause: error });
    case "ConfigurationError":
      return new UsageError(error.message, { cause: error });
    default:
      return new CliError(`${error.name}: ${error.message}`, 1, { cause: error });
  }
}
