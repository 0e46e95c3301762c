/**
 * Which credential fields are secrets (wrong value = bad password; changed by a password reset).
 * Specs do not mark them consistently (`format: password` is rare), so the field name decides:
 * password, apiSecret, client_secret, pin... Everything else identifies the account.
 */
export function isSecretField(name: string): boolean {
  return /pass|secret|pin|otp/i.test(name);
}
