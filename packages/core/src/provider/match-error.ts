import { readJsonPointer } from "../utils/json-pointer.js";
import type { ErrorMatcher } from "./provider-description.js";

export interface ErrorResponseFacts {
  status: number;
  operationId?: string;
  body: unknown;
}

/** The first matcher that this error response satisfies (every given field must match). */
export function matchError(
  matchers: readonly ErrorMatcher[],
  facts: ErrorResponseFacts,
): ErrorMatcher | undefined {
  return matchers.find((matcher) => {
    if (matcher.status !== facts.status) return false;
    if (matcher.operations && !matcher.operations.includes(facts.operationId ?? "")) return false;
    if (matcher.pointer === undefined) return true;
    const value = readJsonPointer(facts.body, matcher.pointer);
    if (matcher.values === undefined) return value !== undefined;
    return matcher.values.includes(String(value));
  });
}
