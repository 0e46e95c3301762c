import { isPrototypeKey } from "./parse-json.js";

const SECRET_KEY = /token|secret|password|passwd|jwt|credential|api_?key|cookie|authorization/i;

/**
 * Deep copy of a JSON-like value with secret-looking fields replaced by `[redacted]`, so an
 * error body echoed by a provider cannot leak a token into logs.
 */
export function redactValue(value: unknown, depth = 0): unknown {
  if (depth > 8) return "[truncated]";
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value === null || typeof value !== "object") return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // Assigning `__proto__` would set the copy's prototype instead of a field.
    if (isPrototypeKey(key)) continue;
    copy[key] = SECRET_KEY.test(key) ? "[redacted]" : redactValue(item, depth + 1);
  }
  return copy;
}
