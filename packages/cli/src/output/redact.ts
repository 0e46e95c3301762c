import { HttpError } from "@loginkit/core";

const REDACTED = "[redacted]";
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]*/g;

/**
 * `value` with every known secret replaced, in every encoding core's scrubber knows (as is,
 * JSON-escaped, URL-encoded, base64 and base64url, also inside `base64(user:password)`), and
 * secret-looking fields blanked. Core exports no scrubber function, so this borrows the one its
 * errors use through `HttpError`, whose `body` is exactly that scrubbed copy: one scrubber for
 * the library and the CLI, never a second list of encodings to keep in step.
 */
export function scrubSecrets<T>(value: T, secrets: readonly string[]): T {
  return new HttpError("", { status: 0, body: value, secrets }).body as T;
}

/**
 * Shows a value from a provider's answer without any secret in it: the known secrets (the
 * credentials used, the tokens received) in any encoding and anything shaped like a JWT become
 * `[redacted]`, and long values are cut, so a drift table can be pasted into a ticket.
 */
export function showValue(value: unknown, secrets: readonly string[], limit = 60): string {
  if (value === undefined) return "missing";
  const scrubbed = scrubSecrets(value, secrets);
  let text =
    typeof scrubbed === "string"
      ? JSON.stringify(scrubbed)
      : (JSON.stringify(scrubbed) ?? String(scrubbed));
  text = text.replace(JWT, REDACTED);
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
