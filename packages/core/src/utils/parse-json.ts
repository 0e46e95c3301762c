/** Keys that would reach an object's prototype when a parsed body is copied by assignment. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * `JSON.parse` that drops `__proto__`, `constructor` and `prototype` keys: a provider's answer
 * is data, and a copy of it (redaction, scrubbing) must not be able to change a prototype.
 */
export function parseJson(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => (PROTOTYPE_KEYS.has(key) ? undefined : value));
}

/** Whether `key` is one {@link parseJson} drops (for copies of values that did not come through it). */
export function isPrototypeKey(key: string): boolean {
  return PROTOTYPE_KEYS.has(key);
}
