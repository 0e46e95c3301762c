import type { OperationDescription, ProviderDescription } from "./provider-description.js";

export interface OperationMatch {
  readonly operationId: string;
  readonly operation: OperationDescription;
}

interface CompiledOperation extends OperationMatch {
  readonly method: string;
  readonly pattern: RegExp;
  readonly parameters: number;
}

/**
 * Builds a function that finds which described operation a request is, by method and path
 * template, so core knows whether it is public and replay-safe. Server URLs may carry a path
 * prefix (`https://x.example/api`); it is stripped before matching.
 */
export function createOperationMatcher(description: ProviderDescription, serverUrls: string[]) {
  const compiled: CompiledOperation[] = Object.entries(description.operations)
    .map(([operationId, operation]) => ({
      operationId,
      operation,
      method: operation.method.toUpperCase(),
      pattern: compileTemplate(operation.path),
      parameters: (operation.path.match(/\{[^}]+\}/g) ?? []).length,
    }))
    // A literal segment beats a parameter: `/users/me` before `/users/{id}`.
    .sort((a, b) => a.parameters - b.parameters);
  const prefixes = [...new Set(["", ...serverUrls.map(readPathPrefix)])];

  return (method: string, url: URL): OperationMatch | undefined => {
    const upper = method.toUpperCase();
    for (const prefix of prefixes) {
      if (prefix !== "" && !url.pathname.startsWith(`${prefix}/`)) continue;
      const path = url.pathname.slice(prefix.length);
      const found = compiled.find((entry) => entry.method === upper && entry.pattern.test(path));
      if (found) return { operationId: found.operationId, operation: found.operation };
    }
    return undefined;
  };
}

function compileTemplate(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith("{") ? "[^/]+" : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}/?$`);
}

function readPathPrefix(serverUrl: string): string {
  try {
    return new URL(serverUrl).pathname.replace(/\/+$/, "");
  } catch {
    return "";
  }
}
