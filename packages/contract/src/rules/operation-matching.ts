/**
 * Which operation a request is, by method and path template. OpenAPI's rule: a literal segment
 * beats a `{parameter}`, so `/users/me` is never `/users/{id}` when both exist.
 */

/** The template's parameters as `path` fills them (`/a/{id}` + `/a/42` → `{id: "42"}`); `undefined` when it does not fit. */
export function matchPathTemplate(
  template: string,
  path: string,
): Record<string, string> | undefined {
  const templateSegments = template.split("/");
  const pathSegments = path.replace(/(.)\/$/, "$1").split("/");
  if (templateSegments.length !== pathSegments.length) return undefined;
  const parameters: Record<string, string> = {};
  for (const [index, segment] of templateSegments.entries()) {
    const actual = pathSegments[index] ?? "";
    const name = /^\{(.+)\}$/.exec(segment)?.[1];
    if (name === undefined) {
      if (segment !== actual) return undefined;
      continue;
    }
    if (actual === "") return undefined;
    try {
      parameters[name] = decodeURIComponent(actual);
    } catch {
      return undefined;
    }
  }
  return parameters;
}

/** How many `{parameters}` a template has: fewer is more specific. */
export function countTemplateParameters(template: string): number {
  return (template.match(/\{[^}]+\}/g) ?? []).length;
}

export interface RouteCandidate {
  /** Upper or lower case: compared ignoring case. */
  readonly method: string;
  readonly path: string;
}

export type RouteMatch<T> =
  | {
      readonly kind: "operation";
      readonly operation: T;
      readonly pathParameters: Record<string, string>;
    }
  | { readonly kind: "method-not-allowed"; readonly allowed: readonly string[] }
  | { readonly kind: "not-found" };

/** The operation `method path` is: the most specific template that fits, then its method. */
export function matchOperation<T extends RouteCandidate>(
  operations: readonly T[],
  method: string,
  path: string,
): RouteMatch<T> {
  const candidates = operations
    .map((operation) => ({ operation, parameters: matchPathTemplate(operation.path, path) }))
    .filter((candidate) => candidate.parameters !== undefined)
    .sort(
      (a, b) =>
        countTemplateParameters(a.operation.path) - countTemplateParameters(b.operation.path),
    );
  if (candidates.length === 0) return { kind: "not-found" };
  const upper = method.toUpperCase();
  const hit = candidates.find((candidate) => candidate.operation.method.toUpperCase() === upper);
  if (hit === undefined) {
    return {
      kind: "method-not-allowed",
      allowed: [
        ...new Set(candidates.map((candidate) => candidate.operation.method.toUpperCase())),
      ],
    };
  }
  return { kind: "operation", operation: hit.operation, pathParameters: hit.parameters ?? {} };
}
