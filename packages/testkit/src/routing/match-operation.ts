import type { SpecOperation } from "../spec/spec-operation.js";

export type RouteMatch =
  | {
      readonly kind: "operation";
      readonly operation: SpecOperation;
      readonly pathParameters: Record<string, string>;
    }
  | { readonly kind: "method-not-allowed"; readonly allowed: readonly string[] }
  | { readonly kind: "not-found" };

/**
 * A small router over the spec's path templates. Literal segments win over `{parameters}`
 * (OpenAPI's rule), so `/auth/session` never matches `/auth/{id}` when both exist.
 */
export function matchOperation(
  operations: readonly SpecOperation[],
  method: string,
  path: string,
): RouteMatch {
  const candidates = operations
    .map((operation) => ({ operation, parameters: matchTemplate(operation.pathTemplate, path) }))
    .filter((candidate) => candidate.parameters !== undefined)
    .sort(
      (a, b) => templateCount(a.operation.pathTemplate) - templateCount(b.operation.pathTemplate),
    );
  if (candidates.length === 0) return { kind: "not-found" };
  const hit = candidates.find((candidate) => candidate.operation.method === method);
  if (hit === undefined) {
    return {
      kind: "method-not-allowed",
      allowed: [...new Set(candidates.map((c) => c.operation.method))],
    };
  }
  return { kind: "operation", operation: hit.operation, pathParameters: hit.parameters ?? {} };
}

function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const templateSegments = template.split("/");
  const pathSegments = path.split("/");
  if (templateSegments.length !== pathSegments.length) return undefined;
  const parameters: Record<string, string> = {};
  for (const [index, segment] of templateSegments.entries()) {
    const actual = pathSegments[index] ?? "";
    const name = segment.match(/^\{(.+)\}$/)?.[1];
    if (name === undefined) {
      if (segment !== actual) return undefined;
    } else {
      if (actual === "") return undefined;
      parameters[name] = decodeURIComponent(actual);
    }
  }
  return parameters;
}

function templateCount(template: string): number {
  return (template.match(/\{/g) ?? []).length;
}
