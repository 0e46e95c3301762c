import { readPointer } from "../rules/json-pointer.js";

/** A node of the spec and where it lives, after following any local `$ref` chain. */
export interface ResolvedNode {
  readonly node: Record<string, unknown>;
  /** The JSON pointer of the node the chain ended at. */
  readonly pointer: string;
}

/**
 * Follows `$ref: '#/...'` chains from the node at `pointer` (specs are single files, so only
 * local references resolve). `undefined` for a missing node, a non-object, a remote or a cyclic `$ref`.
 */
export function resolveReference(document: unknown, pointer: string): ResolvedNode | undefined {
  const seen = new Set<string>();
  let current = pointer;
  for (;;) {
    const node = readPointer(document, current);
    if (node === null || typeof node !== "object") return undefined;
    const reference = (node as { $ref?: unknown }).$ref;
    if (typeof reference !== "string")
      return { node: node as Record<string, unknown>, pointer: current };
    if (!reference.startsWith("#") || seen.has(reference)) return undefined;
    seen.add(reference);
    current = reference.slice(1);
  }
}

/** `value` itself, or what its local `$ref` chain ends at. */
export function dereference<T = Record<string, unknown>>(
  document: unknown,
  value: unknown,
): T | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const reference = (value as { $ref?: unknown }).$ref;
  if (typeof reference !== "string") return value as T;
  if (!reference.startsWith("#")) return undefined;
  return resolveReference(document, reference.slice(1))?.node as T | undefined;
}
