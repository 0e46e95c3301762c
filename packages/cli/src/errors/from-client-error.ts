import { EXIT } from "../exit-codes.js";
import { CliError, RefusedError, UnreachableError, UsageError } from "./cli-error.js";

type Reported = (message: string, error: Error, providerId: string) => CliError;

const usage: Reported = (message, error) => new UsageError(message, { cause: error });
const failed: Reported = (message, error) =>
  new CliError(`${error.name}: ${message}`, EXIT.failed, { cause: error });
const unreachable: Reported = (message, error, providerId) =>
  new UnreachableError(`${providerId} is unreachable: ${message}`, { cause: error });

/**
 * The exit code of each of core's error classes (README, "Exit codes"), in one table: what the
 * user got wrong is usage (2), what the network did is 3, a refusal of their credentials is 4,
 * and anything the provider answered wrongly fails the command (1).
 */
const BY_ERROR_NAME: Readonly<Record<string, Reported>> = {
  ConfigurationError: usage,
  // A password shorter than the spec allows, read from the environment: the user's to fix.
  CredentialsError: usage,
  AuthenticationError: (message, error, providerId) =>
    new RefusedError(`${providerId} refused the credentials: ${message}`, { cause: error }),
  NetworkError: unreachable,
  TimeoutError: unreachable,
  RetriesExhaustedError: (message, error, providerId) => {
    const last = (error as { lastError?: unknown }).lastError ?? error.cause;
    return last instanceof Error && /NetworkError|TimeoutError/.test(last.name)
      ? unreachable(message, error, providerId)
      : new CliError(message, EXIT.failed, { cause: error });
  },
  HttpError: failed,
  ProtocolError: failed,
  AbortError: failed,
};

/**
 * A client error as the CLI reports it. Core's errors never carry a secret (core README,
 * "Errors"), so their messages are shown as they are; the class decides the exit code.
 */
export function fromClientError(error: unknown, providerId: string): CliError {
  if (error instanceof CliError) return error;
  if (!(error instanceof Error)) return new CliError(String(error), EXIT.failed);
  const report = BY_ERROR_NAME[error.name] ?? failed;
  return report(error.message, error, providerId);
}
