import { exampleFor } from "../responses/example-for.js";
import type { SpecOperation } from "../spec/spec-operation.js";
import { successOf } from "./classify-operations.js";
import type { SimulatedResponse } from "./simulator-context.js";

/** The operation's first 2xx with its example body: what an operation with no behaviour answers. */
export function answerSuccess(
  operation: SpecOperation,
  headers?: Record<string, string>,
): SimulatedResponse {
  const success = successOf(operation);
  const status = success === undefined ? 204 : Number(success.status);
  return { status, headers, body: exampleFor(operation, status) };
}
