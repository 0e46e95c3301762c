import type { ProviderDescription } from "../provider/provider-description.js";

/**
 * `<provider id>:<base URL>`, plus `:<account digest>` when the credentials are a plain value
 * and the description names the fields that identify the account: two accounts of one provider
 * sharing a store (Redis, a browser's storage) must never share a session. The digest keeps an
 * e-mail address out of the store's keys; it is no secret and needs none (it names, not guards).
 * Credentials given as a function are unknown until a sign-in: then set `storeKey` per account.
 */
export function defaultStoreKey(
  description: ProviderDescription,
  baseUrl: string,
  credentials: unknown,
): string {
  const base = `${description.id}:${baseUrl}`;
  const fields = description.accountFields ?? [];
  if (fields.length === 0 || typeof credentials !== "object" || credentials === null) return base;
  const values = fields.map((field) => (credentials as Record<string, unknown>)[field]);
  if (!values.some((value) => typeof value === "string")) return base;
  return `${base}:${digest(JSON.stringify(values))}`;
}

/** FNV-1a, twice with different seeds: 64 bits of hex, synchronous in every runtime. */
function digest(text: string): string {
  let first = 0x811c9dc5;
  let second = 0x01000193 ^ 0x5bd1e995;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193) >>> 0;
    second = Math.imul(second ^ code, 0x01000193) >>> 0;
  }
  return first.toString(16).padStart(8, "0") + second.toString(16).padStart(8, "0");
}
