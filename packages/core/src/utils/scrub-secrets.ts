import { isPrototypeKey } from "./parse-json.js";

const REDACTED = "[redacted]";
/** Shorter strings (a "1", an "en") would mangle messages without protecting anything. */
const MIN_SECRET_LENGTH = 4;
/** A base64 fragment shorter than this is too likely to occur by chance in other text. */
const MIN_BASE64_FRAGMENT = 8;

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
 * The ways a provider may echo `secret` that a reader could still turn back into it: as is,
 * JSON-escaped, URL-encoded (`%20` or `+` for a space, either hex case) and base64 (standard
 * and url-safe, with or without padding, and the part of it that shows whatever bytes precede
 * it, as in a Basic `user:password` value).
 */
export function expandSecretForms(secret: string): string[] {
  const percent = encodeURIComponent(secret);
  const forms = [
    secret,
    JSON.stringify(secret).slice(1, -1),
    percent,
    percent.replace(/%20/g, "+"),
    new URLSearchParams({ s: secret }).toString().slice(2),
  ];
  for (const form of forms.slice(2)) {
    forms.push(form.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()));
  }
  const bytes = new TextEncoder().encode(secret);
  // A secret of kilobytes is no password or token; its base64 forms are not worth the work.
  for (let offset = 0; offset < 3 && bytes.length <= 4_096; offset++) {
    const shifted = new Uint8Array(offset + bytes.length);
    shifted.set(bytes, offset);
    const encoded = btoa(String.fromCharCode(...shifted));
    // Only the characters made from the secret's bits alone, whatever comes before or after.
    const fragment = encoded.slice(
      Math.ceil((8 * offset) / 6),
      Math.floor((8 * shifted.length) / 6),
    );
    if (offset === 0) forms.push(encoded);
    if (fragment.length >= MIN_BASE64_FRAGMENT) forms.push(fragment, toBase64Url(fragment));
  }
  return [...new Set(forms)].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

function toBase64Url(base64: string): string {
  return base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * A copy of `value` with every occurrence of the secrets, in any form
 * {@link expandSecretForms} knows, replaced. Providers sometimes echo what they were sent
 * ("wrong password hunter2 for jane"); their words must not carry it into our errors.
 */
export function scrubSecrets<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  const forms = formsOf(secrets);
  return scrubWith(value, (text) => {
    for (const form of forms) text = text.split(form).join(REDACTED);
    return text;
  }) as T;
}

function scrubWith(value: unknown, scrub: (text: string) => string, depth = 0): unknown {
  if (typeof value === "string") return scrub(value);
  if (depth > 16 || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => scrubWith(item, scrub, depth + 1));
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !isPrototypeKey(key))
      .map(([key, child]) => [scrub(key), scrubWith(child, scrub, depth + 1)]),
  );
}

/** The forms of the last secrets asked for: events scrub with the same few secrets each time. */
let memo: { key: string; forms: string[] } | undefined;

function formsOf(secrets: readonly string[]): string[] {
  const key = secrets.join("\u0000");
  if (memo?.key !== key) {
    const forms = [...new Set(secrets.flatMap(expandSecretForms))].sort(
      (a, b) => b.length - a.length,
    );
    memo = { key, forms };
  }
  return memo.forms;
}
