const REDACTED = "[redacted]";
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]*/g;

/**
 * Shows a value from a provider's answer without any secret in it: the known secrets (the
 * credentials used, the tokens received) and anything shaped like a JWT become `[redacted]`,
 * and long values are cut, so a drift table can be pasted into a ticket.
 */
export function showValue(value: unknown, secrets: readonly string[], limit = 60): string {
  if (value === undefined) return "missing";
  let text =
    typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  for (const secret of secrets) {
    if (secret.length >= 4) text = text.replaceAll(JSON.stringify(secret).slice(1, -1), REDACTED);
  }
  text = text.replace(JWT, REDACTED);
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
