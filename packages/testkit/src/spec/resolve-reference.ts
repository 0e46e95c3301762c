import { readPointer } from "./json-pointer.js";

/** A node of the spec and where it lives, after following any local `$ref` chain. */
export interface ResolvedNode {
  readonly node: Record<string, unknown>;
  readonly pointer: string;
}

/** Follows `$ref: '#/...'` (local references only: the specs are single files). */
export function resolveReference(document: unknown, pointer: string): ResolvedNode | undefined {
  const seen = new Set<string>();
  let current = pointer;
  for (;;) {
    const node = readPointer(document, current);
    if (node === null || typeof node !== "object") return undefined;
    const reference = (node as { $ref?: unknown }).$ref;
    if (typeof reference !== "string" || !reference.startsWith("#")) {
      return { node: node as Record<string, unknown>, pointer: current };
    }
    if (seen.has(reference)) return undefined;
    seen.add(reference);
    current = reference.slice(1);
  }
}
