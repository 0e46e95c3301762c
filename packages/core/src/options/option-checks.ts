import { ConfigurationError } from "../errors/ConfigurationError.js";

/** The longest delay `setTimeout` keeps: anything longer fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Throws a `ConfigurationError` naming the option and what it may be. */
export function refuse(option: string, allowed: string, value: unknown): never {
  throw new ConfigurationError(`\`${option}\` must be ${allowed}; got ${describeValue(value)}`, {
    option,
  });
}

/** What a value is, without quoting a string: an option's text may be a secret. */
function describeValue(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean" || value == null) {
    return String(value);
  }
  if (typeof value === "string") return value === "" ? "an empty string" : "a string";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** A whole number in `[min, max]` (no NaN, no Infinity, no fractions). */
export function checkWholeNumber(
  option: string,
  value: unknown,
  min: number,
  max: number,
  unit = "",
  orElse = "",
): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    refuse(option, `a whole number${unit} from ${min} to ${max}${orElse}`, value);
  }
}

/** A finite number no smaller than `min`. */
export function checkFiniteNumber(option: string, value: unknown, min: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
    refuse(option, `a finite number of at least ${min}`, value);
  }
}

export function checkFunction(option: string, value: unknown): void {
  if (typeof value !== "function") refuse(option, "a function", value);
}

/** An absolute http(s) URL without user info; the URL itself is never quoted back. */
export function checkHttpUrl(option: string, value: unknown): void {
  let url: URL | undefined;
  try {
    url = typeof value === "string" ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  const allowed = "an absolute http:// or https:// URL";
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:"))
    refuse(option, allowed, value);
  if (url.username !== "" || url.password !== "") {
    refuse(
      option,
      `${allowed} without user info (put credentials in \`credentials\`)`,
      "a URL with user info",
    );
  }
}

/**
 * No key outside `known`: a misspelt option (`timeOut`, `retries`) would otherwise be ignored
 * without a word. The key is named at its full path; it is no secret (a value could be).
 */
export function checkKnownKeys(path: string, value: object, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
    throw new ConfigurationError(
      `\`${path}.${shown}\` is not an option (${path} takes ${known.join(", ")})`,
      { option: `${path}.${shown}` },
    );
  }
}
