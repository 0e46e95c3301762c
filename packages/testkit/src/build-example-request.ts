import type { SimulatorContext } from "./behaviour/simulator-context.js";
import { TestkitError } from "./errors/TestkitError.js";
import { randomUuid } from "./random/random-bytes.js";
import type { ExampleRequest } from "./simulator.js";
import { resolveReference } from "./spec/resolve-reference.js";

export function buildExampleRequest(
  context: SimulatorContext,
  operationId: string,
  overrides: { readonly body?: unknown } = {},
): ExampleRequest {
  const operation = context.operations.find((candidate) => candidate.operationId === operationId);
  if (operation === undefined) {
    throw new TestkitError(`${context.spec.id} has no operation "${operationId}"`);
  }
  let path = operation.path;
  const headers: Record<string, string> = {};
  for (const parameter of operation.parameters) {
    const value = parameter.example ?? schemaExample(context, parameter.schemaPointer);
    if (parameter.in === "path")
      path = path.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
    if (parameter.in === "header" && parameter.required) headers[parameter.name] = String(value);
  }
  const body = "body" in overrides ? overrides.body : operation.requestBody?.examples[0];
  if (body !== undefined) headers["content-type"] = "application/json";
  return { method: operation.method, path, headers, body };
}

function schemaExample(context: SimulatorContext, pointer: string | undefined): unknown {
  const schema =
    pointer === undefined ? undefined : resolveReference(context.spec.document, pointer)?.node;
  if (schema?.example !== undefined) return schema.example;
  return schema?.format === "uuid" ? randomUuid() : "example";
}
