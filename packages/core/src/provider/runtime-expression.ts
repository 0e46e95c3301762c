import { readJsonPointer } from "../utils/json-pointer.js";

const RESPONSE_BODY = "$response.body";

/**
 * Evaluates an OpenAPI runtime expression of the form `$response.body#/json/pointer` against a
 * parsed response body. Other expression kinds are not used by the contract: `undefined`.
 */
export function evaluateResponseExpression(expression: string, body: unknown): unknown {
  if (!expression.startsWith(RESPONSE_BODY)) return undefined;
  const rest = expression.slice(RESPONSE_BODY.length);
  if (rest === "") return body;
  if (!rest.startsWith("#")) return undefined;
  return readJsonPointer(body, rest.slice(1));
}

/** Like {@link evaluateResponseExpression}, but only a non-empty string or a finite number. */
export function readResponseString(expression: string | undefined, body: unknown) {
  if (expression === undefined) return undefined;
  const value = evaluateResponseExpression(expression, body);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value !== "" ? value : undefined;
}
