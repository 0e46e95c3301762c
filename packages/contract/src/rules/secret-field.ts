/**
 * Which request fields are secrets: never shown in a README example, logged, or echoed; a wrong
 * value is a bad password; a password reset changes them. A schema saying `format: password` or
 * `writeOnly: true` decides; otherwise the name does, word by word (`apiSecret`, `client_secret`,
 * `pinCode`, `otp`), so `spinner` or `apiKey` (an identifier that travels with its secret) is not.
 */
const secretWords = new Set([
  "password",
  "passwd",
  "pass",
  "passphrase",
  "passcode",
  "secret",
  "pin",
  "otp",
  "token",
]);

export function isSecretField(name: string, schema?: unknown): boolean {
  if (typeof schema === "object" && schema !== null) {
    const { format, writeOnly } = schema as { format?: unknown; writeOnly?: unknown };
    if (format === "password" || writeOnly === true) return true;
  }
  return splitWords(name).some((word) => secretWords.has(word));
}

/** `apiSecret` → `api`, `secret`; `client_secret` → `client`, `secret`; `OTPCode` → `otp`, `code`. */
function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}
