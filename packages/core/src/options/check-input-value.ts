import type { ClientInput } from "../provider/provider-description.js";
import { isHeaderValue } from "../utils/header-value.js";
import { refuse } from "./option-checks.js";

/**
 * A client input as it will be sent: a non-empty string (or a finite number) that is valid in
 * its place. A path segment may not hold `/` or be `.` or `..` (it would change the path); a
 * header value may not hold CR, LF or characters past Latin-1. Returns the string to send.
 */
export function checkInputValue(input: ClientInput, value: unknown): string {
  const text = typeof value === "number" && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== "string" || text === "") {
    return refuse(input.option, "a non-empty string", value);
  }
  if (input.in === "path" && (text.includes("/") || text === "." || text === "..")) {
    return refuse(input.option, "one path segment (no `/`, not `.` or `..`)", value);
  }
  if (input.in === "header" && !isHeaderValue(text)) {
    return refuse(
      input.option,
      "a header value: Latin-1 text without control characters or surrounding spaces",
      value,
    );
  }
  return text;
}
