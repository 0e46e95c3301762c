import { inspect } from "node:util";
import { expect } from "vitest";
import { LoginkitError } from "../../src/index.js";

/** Every secret a test handed out or a fake provider issued. */
const secrets = new Set<string>();
/** Every error and event the suite produced. */
const outputs: unknown[] = [];

export const PASSWORD = "pw-Sup3rSecret-PASSWORD";
export const API_SECRET = "apisecret-9f8e7d-SECRET";
secrets.add(PASSWORD).add(API_SECRET);

export function rememberSecret(secret: string): string {
  secrets.add(secret);
  return secret;
}

/** Keep an error or event for the end-of-file leak check. Returns it for chaining. */
export function recordOutput<T>(value: T): T {
  outputs.push(value);
  return value;
}

/** Captures a rejection as a value, recording it. */
export async function captureError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return recordOutput(error);
  }
  throw new Error("expected a rejection");
}

function serialise(value: unknown, depth = 0): string {
  // What loggers print: JSON, String(), and util.inspect (pino, console.log) with nested causes.
  const parts = [JSON.stringify(value) ?? "", safeString(value), inspect(value, { depth: 8 })];
  if (value instanceof Error) {
    parts.push(value.stack ?? "", value.message);
    if (value.cause !== undefined && depth < 8) parts.push(serialise(value.cause, depth + 1));
    if (value instanceof LoginkitError) parts.push(JSON.stringify(value.toJSON()));
  }
  return parts.join("\n");
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return "";
  }
}

/**
 * The ways a secret can be written where a reader would recover it: as is, JSON-escaped,
 * URL-encoded (`%20` and `+` for spaces, either hex case), and base64 (standard, url-safe).
 */
export function secretForms(secret: string): string[] {
  const base64 = Buffer.from(secret).toString("base64");
  const forms = [
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    base64,
    base64.replace(/=+$/, ""),
    Buffer.from(secret).toString("base64url"),
  ];
  for (const form of [...forms]) {
    forms.push(form.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()));
  }
  return [...new Set(forms)];
}

/** The first secret (in any form) found in `text`, or undefined. */
export function findLeakedSecret(text: string): string | undefined {
  for (const secret of secrets) {
    for (const form of secretForms(secret)) if (text.includes(form)) return form;
  }
  return undefined;
}

/** Every way a logger might print `value`. */
export function serialiseForLogs(value: unknown): string {
  return serialise(value);
}

/** Asserts (in `afterAll`) that no recorded error or event contains any secret, in any form. */
export function expectNoLeakedSecrets(): void {
  expect(outputs.length).toBeGreaterThan(0);
  for (const output of outputs) {
    const leaked = findLeakedSecret(serialise(output));
    expect(leaked, `leaked ${leaked?.slice(0, 6)}…`).toBeUndefined();
  }
}
