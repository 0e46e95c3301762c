import { isNamedParameter } from "../rules/header-name.js";
import { appendPointer } from "../rules/json-pointer.js";
import {
  readSecurityRequirement,
  type SecurityRequirement,
} from "../rules/security-requirement.js";
import type { OpenApiDocument } from "./openapi-document.js";
import { dereference } from "./resolve-reference.js";

export const httpMethods = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
] as const;
export type HttpMethod = (typeof httpMethods)[number];

/** One operation of a spec: where it stands, its raw object, and whether it needs a token. */
export interface SpecOperation {
  /** Its `operationId`, or `<method> <path>` when it has none. */
  readonly operationId: string;
  readonly method: HttpMethod;
  readonly path: string;
  /** `["paths", path, method]`: for `LoadedSpec.lineOf`. */
  readonly location: readonly string[];
  /** The JSON pointer of the operation object. */
  readonly pointer: string;
  readonly object: Record<string, unknown>;
  readonly security: SecurityRequirement;
}

/** Every operation in document order of paths, then of methods as listed in `httpMethods`. */
export function listOperations(document: OpenApiDocument): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [path, rawItem] of Object.entries(document.paths ?? {})) {
    const item = dereference(document, rawItem);
    if (!item) continue;
    for (const method of httpMethods) {
      const object = item[method] as Record<string, unknown> | undefined;
      if (typeof object !== "object" || object === null) continue;
      const operationId =
        typeof object.operationId === "string" ? object.operationId : `${method} ${path}`;
      operations.push({
        operationId,
        method,
        path,
        location: ["paths", path, method],
        pointer: appendPointer("", "paths", path, method),
        object,
        security: readSecurityRequirement(object.security, document.security),
      });
    }
  }
  return operations;
}

/** Operations by operationId. */
export function indexOperations(operations: readonly SpecOperation[]): Map<string, SpecOperation> {
  return new Map(operations.map((operation) => [operation.operationId, operation]));
}

/** The parameters of an operation, path-level ones first, dereferenced. */
export function listParameters(
  document: OpenApiDocument,
  operation: SpecOperation,
): Record<string, unknown>[] {
  const pathItem = dereference(document, document.paths[operation.path]) ?? {};
  const raw = [
    ...((pathItem.parameters as unknown[]) ?? []),
    ...((operation.object.parameters as unknown[]) ?? []),
  ];
  return raw
    .map((parameter) => dereference(document, parameter))
    .filter((parameter) => parameter !== undefined);
}

/** Every parameter the spec declares anywhere (operations, path items, `components.parameters`). */
export function listDeclaredParameters(
  document: OpenApiDocument,
  operations: readonly SpecOperation[],
): Record<string, unknown>[] {
  const fromComponents = Object.values(document.components?.parameters ?? {})
    .map((parameter) => dereference(document, parameter))
    .filter((parameter) => parameter !== undefined);
  return [
    ...operations.flatMap((operation) => listParameters(document, operation)),
    ...fromComponents,
  ];
}

/** Whether some declared parameter is the `in`/`name` pair (header names ignore case). */
export function declaresParameter(
  parameters: readonly Record<string, unknown>[],
  named: { readonly in: string; readonly name: string },
): boolean {
  return parameters.some((parameter) => isNamedParameter(parameter, named));
}

/** The JSON media type of a content map: the first `*json*` key, else `*\/*`. */
export function jsonMediaType(content: unknown): string | undefined {
  if (typeof content !== "object" || content === null) return undefined;
  const keys = Object.keys(content);
  return keys.find((key) => /json/i.test(key)) ?? keys.find((key) => key === "*/*");
}

export interface JsonContent {
  readonly status: string;
  readonly mediaType: string;
  /** The schema, dereferenced. */
  readonly schema: Record<string, unknown> | undefined;
}

/** The JSON response of `status` (`"200"`), or of the first 2xx for `"2xx"`. */
export function responseContent(
  document: OpenApiDocument,
  operation: SpecOperation,
  status: string,
): JsonContent | undefined {
  const responses = (operation.object.responses ?? {}) as Record<string, unknown>;
  const key =
    status === "2xx"
      ? Object.keys(responses)
          .sort()
          .find((candidate) => /^2\d\d$/.test(candidate))
      : status;
  if (key === undefined) return undefined;
  const response = dereference(document, responses[key]);
  const content = response?.content;
  const mediaType = jsonMediaType(content);
  if (!mediaType) return undefined;
  const media = (content as Record<string, { schema?: unknown }>)[mediaType];
  return { status: key, mediaType, schema: dereference(document, media?.schema) };
}

/** The JSON request body of an operation, when it has one. */
export function requestContent(
  document: OpenApiDocument,
  operation: SpecOperation,
): (Omit<JsonContent, "status"> & { readonly required: boolean }) | undefined {
  const body = dereference(document, operation.object.requestBody);
  const mediaType = jsonMediaType(body?.content);
  if (!mediaType) return undefined;
  const media = (body?.content as Record<string, { schema?: unknown }> | undefined)?.[mediaType];
  return {
    mediaType,
    schema: dereference(document, media?.schema),
    required: body?.required === true,
  };
}

/** The headers a response declares, dereferenced, by name as written. */
export function responseHeaders(
  document: OpenApiDocument,
  operation: SpecOperation,
  status: string,
): Record<string, Record<string, unknown>> {
  const responses = (operation.object.responses ?? {}) as Record<string, unknown>;
  const headers = dereference(document, responses[status])?.headers ?? {};
  return Object.fromEntries(
    Object.entries(headers as Record<string, unknown>).flatMap(([name, header]) => {
      const resolved = dereference(document, header);
      return resolved ? [[name, resolved]] : [];
    }),
  );
}

/**
 * Whether a JSON pointer can resolve inside instances of `schema`: each step is a declared
 * property (through `$ref`, `allOf`, `oneOf`, `anyOf`) or an array index into `items`.
 */
export function schemaHasPointer(
  document: OpenApiDocument,
  schema: unknown,
  tokens: readonly string[],
  depth = 0,
): boolean {
  const resolved = dereference(document, schema);
  if (!resolved || depth > 64) return false;
  if (tokens.length === 0) return true;
  const [head, ...rest] = tokens as [string, ...string[]];
  const properties = resolved.properties as Record<string, unknown> | undefined;
  if (
    properties &&
    Object.hasOwn(properties, head) &&
    schemaHasPointer(document, properties[head], rest, depth + 1)
  )
    return true;
  if (
    resolved.items !== undefined &&
    /^\d+$/.test(head) &&
    schemaHasPointer(document, resolved.items, rest, depth + 1)
  )
    return true;
  return ["allOf", "oneOf", "anyOf"].some((key) => {
    const branches = resolved[key];
    return (
      Array.isArray(branches) &&
      branches.some((branch) => schemaHasPointer(document, branch, tokens, depth + 1))
    );
  });
}
