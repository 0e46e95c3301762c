import { listOperations, type OpenApiDocument } from "@loginkit/contract";
import { appendPointer } from "./json-pointer.js";
import { readExamples } from "./read-examples.js";
import { resolveReference } from "./resolve-reference.js";
import type {
  SpecHeader,
  SpecOperation,
  SpecParameter,
  SpecRequestBody,
  SpecResponse,
} from "./spec-operation.js";

const JSON_MEDIA_TYPE = "application/json";

/**
 * Every operation of the spec, in document order, as the contract lists them (@loginkit/contract):
 * the same operationIds, and the same rule for whether a call needs a token.
 */
export function readOperations(document: Record<string, unknown>): SpecOperation[] {
  return listOperations(document as OpenApiDocument).map((operation) => {
    const pathItemPointer = appendPointer("", "paths", operation.path);
    return {
      operationId: operation.operationId,
      method: operation.method.toUpperCase(),
      path: operation.path,
      parameters: readParameters(document, pathItemPointer, operation.pointer),
      requestBody: readRequestBody(document, appendPointer(operation.pointer, "requestBody")),
      responses: readResponses(document, appendPointer(operation.pointer, "responses")),
      // An optional requirement (`[{}, {bearer: []}]`) lets the call through without a token.
      securitySchemes: operation.security.token === "required" ? operation.security.schemes : [],
    };
  });
}

/** Path-item parameters, overridden by operation parameters of the same name and location. */
function readParameters(document: unknown, pathItemPointer: string, operationPointer: string) {
  const byKey = new Map<string, SpecParameter>();
  for (const owner of [pathItemPointer, operationPointer]) {
    const list = resolveReference(document, appendPointer(owner, "parameters"))?.node;
    if (!Array.isArray(list)) continue;
    list.forEach((_, index) => {
      const resolved = resolveReference(document, appendPointer(owner, "parameters", index));
      if (resolved === undefined) return;
      const node = resolved.node as {
        name: string;
        in: SpecParameter["in"];
        required?: boolean;
        example?: unknown;
      };
      byKey.set(`${node.in}:${node.name.toLowerCase()}`, {
        name: node.name,
        in: node.in,
        required: node.required === true || node.in === "path",
        schemaPointer:
          "schema" in resolved.node ? appendPointer(resolved.pointer, "schema") : undefined,
        example: node.example,
      });
    });
  }
  return [...byKey.values()];
}

function readRequestBody(document: unknown, pointer: string): SpecRequestBody | undefined {
  const resolved = resolveReference(document, pointer);
  if (resolved === undefined) return undefined;
  const mediaPointer = appendPointer(resolved.pointer, "content", JSON_MEDIA_TYPE);
  const media = resolveReference(document, mediaPointer)?.node;
  const examples = readExamples(document, mediaPointer);
  return {
    required: resolved.node.required === true,
    schemaPointer: media && "schema" in media ? appendPointer(mediaPointer, "schema") : undefined,
    examples: examples.map((example) => example.value),
    exampleNames: examples.map((example) => example.name),
  };
}

function readResponses(document: unknown, pointer: string): Map<string, SpecResponse> {
  const responses = new Map<string, SpecResponse>();
  const node = resolveReference(document, pointer)?.node ?? {};
  for (const status of Object.keys(node)) {
    const resolved = resolveReference(document, appendPointer(pointer, status));
    if (resolved === undefined) continue;
    const mediaPointer = appendPointer(resolved.pointer, "content", JSON_MEDIA_TYPE);
    const media = resolveReference(document, mediaPointer)?.node;
    const schemaPointer =
      media && "schema" in media ? appendPointer(mediaPointer, "schema") : undefined;
    responses.set(status, {
      status,
      schemaPointer,
      schemaTarget:
        schemaPointer === undefined
          ? undefined
          : resolveReference(document, schemaPointer)?.pointer,
      examples: readExamples(document, mediaPointer),
      headers: readHeaders(document, appendPointer(resolved.pointer, "headers")),
    });
  }
  return responses;
}

function readHeaders(document: unknown, pointer: string): SpecHeader[] {
  const node = resolveReference(document, pointer)?.node ?? {};
  return Object.keys(node).flatMap((name) => {
    const resolved = resolveReference(document, appendPointer(pointer, name));
    if (resolved === undefined) return [];
    return [
      {
        name,
        required: resolved.node.required === true,
        schemaPointer:
          "schema" in resolved.node ? appendPointer(resolved.pointer, "schema") : undefined,
        example: resolved.node.example,
      },
    ];
  });
}
