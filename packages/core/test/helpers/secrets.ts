import { inspect } from "node:util";
import { expect } from "vitest";

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

function serialise(value: unknown): string {
  // What loggers print: JSON, String(), and util.inspect (pino, console.log) with nested causes.
  const parts = [JSON.stringify(value) ?? "", String(value), inspect(value, { depth: 8 })];
  if (value instanceof Error) {
    parts.push(value.stack ?? "", value.message);
    if (value.cause !== undefined) parts.push(serialise(value.cause));
  }
  return parts.join("\n");
}

/** Asserts (in `afterAll`) that no recorded error or event contains any secret. */
export function expectNoLeakedSecrets(): void {
  expect(outputs.length).toBeGreaterThan(0);
  for (const output of outputs) {
    const text = serialise(output);
    for (const secret of secrets)
      expect(text, `leaked ${secret.slice(0, 6)}…`).not.toContain(secret);
  }
}
