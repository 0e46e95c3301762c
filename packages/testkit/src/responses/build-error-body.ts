import type { SimulatorContext } from "../behaviour/simulator-context.js";
import { readPointer, writePointer } from "../spec/json-pointer.js";
import type { ErrorMatcher } from "../spec/read-x-loginkit.js";
import { resolveReference } from "../spec/resolve-reference.js";
import type { SpecOperation } from "../spec/spec-operation.js";
import { exampleFor, responseFor } from "./example-for.js";

/** Fields that carry a human-readable reason, most specific first. */
const MESSAGE_FIELDS = [
  "message",
  "error_description",
  "detail",
  "error_message",
  "description",
  "title",
];

export interface ErrorBodyRequest {
  readonly operation: SpecOperation;
  readonly status: number;
  /** Shapes the body so the client classifies it (e.g. `error_code: token-expired`). */
  readonly matcher?: ErrorMatcher;
  /** Replaces the example's message, where the error schema has a message-like field. */
  readonly message?: string;
}

/**
 * An error body built from the spec's own example for that status, so it has the provider's
 * shape; the matcher's value and the message are written into it.
 */
export function buildErrorBody(context: SimulatorContext, request: ErrorBodyRequest): unknown {
  const { operation, status, matcher, message } = request;
  const pointer = matcher?.pointer;
  const wanted = matcher?.values?.[0];
  const valueAt = (example: unknown) =>
    pointer === undefined ? undefined : readPointer(example, pointer);
  // Prefer the example showing the matcher's first value, then any of its values, then the first.
  const body =
    exampleFor(
      operation,
      status,
      (example) => wanted !== undefined && valueAt(example) === wanted,
    ) ??
    exampleFor(
      operation,
      status,
      (example) => matcher?.values?.includes(valueAt(example) as string) === true,
    ) ??
    exampleFor(operation, status) ??
    {};
  if (body === null || typeof body !== "object") return body;
  if (
    pointer !== undefined &&
    wanted !== undefined &&
    !matcher?.values?.includes(readPointer(body, pointer) as string)
  ) {
    writePointer(body, pointer, wanted);
  }
  if (message !== undefined) {
    const field = messageFieldOf(context, operation, status, body as Record<string, unknown>);
    if (field !== undefined) (body as Record<string, unknown>)[field] = message;
  }
  return body;
}

function messageFieldOf(
  context: SimulatorContext,
  operation: SpecOperation,
  status: number,
  body: Record<string, unknown>,
): string | undefined {
  const schemaPointer = responseFor(operation, status)?.schemaPointer;
  const schema = schemaPointer && resolveReference(context.spec.document, schemaPointer)?.node;
  const properties = Object.keys((schema && (schema.properties as object)) ?? body);
  return MESSAGE_FIELDS.find((field) => properties.includes(field));
}

/** The first matcher of a kind that applies to this operation and status (any status if omitted). */
export function matcherFor(
  matchers: readonly ErrorMatcher[],
  operation: SpecOperation,
  status?: number,
): ErrorMatcher | undefined {
  return matchers.find(
    (matcher) =>
      (status === undefined || matcher.status === status) &&
      (matcher.operations === undefined || matcher.operations.includes(operation.operationId)),
  );
}
