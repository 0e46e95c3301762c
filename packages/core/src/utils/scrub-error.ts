import { LoginkitError } from "../errors/LoginkitError.js";
import { scrubSecrets } from "./scrub-secrets.js";

/** `//user:password@` in any URL a message quotes. */
const USER_INFO = /\/\/[^/?#\s@"']*@/g;
/** Platform messages quote the value they refused (`"abc\n" is an invalid header value`). */
const QUOTED = /"[^"]*"/g;

/**
 * A platform or third-party error's words, safe to show: known secrets in any encoding, URL
 * user info and quoted values replaced. A raw error must not leave core as it is: Node's
 * `TypeError`s quote the header value or the URL (with its password) they refused.
 */
export function scrubMessage(text: string, secrets: readonly string[]): string {
  return scrubSecrets(text, secrets)
    .replace(USER_INFO, "//[redacted]@")
    .replace(QUOTED, '"[redacted]"');
}

/**
 * A plain copy of `error` (name, code, scrubbed message and stack, and its cause chain the
 * same way) to keep as a `cause`. Core's own errors are safe by construction and kept as is.
 */
export function scrubError(error: unknown, secrets: readonly string[], depth = 0): unknown {
  if (error instanceof LoginkitError) return error;
  if (!(error instanceof Error)) return scrubMessage(String(error), secrets);
  const cause =
    error.cause === undefined || depth > 4
      ? undefined
      : { cause: scrubError(error.cause, secrets, depth + 1) };
  const copy = new Error(scrubMessage(error.message, secrets), cause);
  copy.name = error.name;
  copy.stack = scrubMessage(error.stack ?? "", secrets);
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" || typeof code === "number") Object.assign(copy, { code });
  return copy;
}

/** Any error as a `LoginkitError`: core's own pass through, anything else is wrapped, scrubbed. */
export function toLoginkitError(error: unknown, secrets: readonly string[]): LoginkitError {
  if (error instanceof LoginkitError) return error;
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : String(error);
  return new LoginkitError(`Unexpected ${name}: ${scrubMessage(message, secrets)}`, {
    cause: scrubError(error, secrets),
  });
}
