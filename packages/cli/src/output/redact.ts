import { scrubSecrets } from "@loginkit/core";

const REDACTED = "[redacted]";
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]*/g;

// One scrubber for the library and the CLI (core's, covering every encoding its errors cover):
// never a second list of encodings to keep in step.
export { scrubSecrets };

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
