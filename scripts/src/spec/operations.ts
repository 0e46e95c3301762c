import { getByPointer } from "./json-pointer.js";
import type { OpenApiDocument } from "./load-spec.js";

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

/** One operation of a spec, with where it stands (for messages) and its raw object. */
export interface SpecOperation {
  readonly operationId: string;
  readonly method: HttpMethod;
  readonly path: string;
  /** Location in the document, for `LoadedSpec.lineOf`. */
  readonly location: readonly string[];
  readonly object: Record<string, unknown>;
}

/** Every operation in document order of paths, then of methods as listed in `httpMethods`. */
export function listOperations(document: OpenApiDocument): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of httpMethods) {
      const object = item[method] as Record<string, unknown> | undefined;
      if (!object) continue;
      const operationId =
        typeof object.operationId === "string" ? object.operationId : `${method} ${path}`;
      operations.push({ operationId, method, path, location: ["paths", path, method], object });
    }
  }
  return operations;
}

/** Follows a local `$ref` chain (`#/components/...`) to the object it names. */
export function dereference<T = Record<string, unknown>>(
  document: OpenApiDocument,
  value: unknown,
): T | undefined {
  let current = value;
  for (let depth = 0; depth < 32; depth++) {
    if (typeof current !== "object" || current === null) return undefined;
    const ref = (current as { $ref?: unknown }).$ref;
    if (typeof ref !== "string") return current as T;
    if (!ref.startsWith("#")) return undefined;
    current = getByPointer(document, ref.slice(1));
  }
  return undefined;
}

/** The parameters of an operation, path-level ones included, dereferenced. */
export function listParameters(
  document: OpenApiDocument,
  operation: SpecOperation,
): Record<string, unknown>[] {
  const pathItem = document.paths[operation.path] ?? {};
  const raw = [
    ...((pathItem.parameters as unknown[]) ?? []),
    ...((operation.object.parameters as unknown[]) ?? []),
  ];
  return raw
    .map((parameter) => dereference(document, parameter))
    .filter((parameter) => parameter !== undefined);
}

/** The first JSON media type key of a content map (`application/json`, `*\/*`, `application/problem+json`). */
export function jsonMediaType(content: unknown): string | undefined {
  if (typeof content !== "object" || content === null) return undefined;
  const keys = Object.keys(content);
  return keys.find((key) => /json/i.test(key)) ?? keys.find((key) => key === "*/*");
}

/** The schema of a response (by status) of an operation, dereferenced, with its media type. */
export function responseSchema(
  document: OpenApiDocument,
  operation: SpecOperation,
  status: string,
): { mediaType: string; schema: unknown } | undefined {
  const responses = operation.object.responses as Record<string, unknown> | undefined;
  const response = dereference(document, responses?.[status]);
  const content = response?.content;
  const mediaType = jsonMediaType(content);
  if (!mediaType) return undefined;
  const schema = (content as Record<string, { schema?: unknown }>)[mediaType]?.schema;
  return { mediaType, schema };
}

/** The JSON media type of an operation's request body, when it has one. */
export function requestMediaType(
  document: OpenApiDocument,
  operation: SpecOperation,
): string | undefined {
  const body = dereference(document, operation.object.requestBody);
  return jsonMediaType(body?.content);
}

/**
 * Whether a JSON pointer can resolve inside instances of `schema`: each step is a declared
 * property (through `$ref`, `allOf`, `oneOf`, `anyOf`) or an array index into `items`.
 */
export function schemaHasPointer(
  document: OpenApiDocument,
  schema: unknown,
  tokens: readonly string[],
): boolean {
  const resolved = dereference(document, schema);
  if (!resolved) return false;
  if (tokens.length === 0) return true;
  const [head, ...rest] = tokens as [string, ...string[]];
  for (const key of ["allOf", "oneOf", "anyOf"] as const) {
    const branches = resolved[key];
    if (
      Array.isArray(branches) &&
      branches.some((branch) => schemaHasPointer(document, branch, tokens))
    ) {
      return true;
    }
  }
  const properties = resolved.properties as Record<string, unknown> | undefined;
  if (properties && head in properties) return schemaHasPointer(document, properties[head], rest);
  if (resolved.items !== undefined && /^\d+$/.test(head))
    return schemaHasPointer(document, resolved.items, rest);
  return false;
}

/**
 * Whether an operation needs no token: its `security` (or the document's) is empty or lists an
 * empty requirement (`{}`), which OpenAPI reads as "anonymous allowed".
 */
export function isPublicOperation(document: OpenApiDocument, operation: SpecOperation): boolean {
  const security = (operation.object.security as unknown[] | undefined) ?? document.security ?? [];
  return (
    security.length === 0 ||
    security.some((requirement) => Object.keys(requirement as object).length === 0)
  );
}
