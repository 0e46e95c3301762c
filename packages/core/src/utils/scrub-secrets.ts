const REDACTED = "[redacted]";
/** Shorter strings (a "1", an "en") would mangle messages without protecting anything. */
const MIN_SECRET_LENGTH = 4;

/** Every string inside `value` (credentials, say) worth keeping out of errors. */
export function collectSecrets(...values: unknown[]): string[] {
  const found: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value === "string") {
      if (value.length >= MIN_SECRET_LENGTH) found.push(value);
    } else if (typeof value === "object" && value !== null) {
      for (const child of Object.values(value)) visit(child);
    }
  };
  for (const value of values) visit(value);
  // Longest first, so a secret containing another is replaced whole.
  return [...new Set(found)].sort((a, b) => b.length - a.length);
}

/**
 * A copy of `value` with every occurrence of the secrets replaced. Providers sometimes echo what
 * they were sent ("wrong password hunter2 for jane"); their words must not carry it into our errors.
 */
export function scrubSecrets<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  if (typeof value === "string") {
    let text: string = value;
    for (const secret of secrets) text = text.split(secret).join(REDACTED);
    return text as T;
  }
  if (Array.isArray(value)) return value.map((item) => scrubSecrets(item, secrets)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, scrubSecrets(child, secrets)]),
    ) as T;
  }
  return value;
}
