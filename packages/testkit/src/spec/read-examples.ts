import { appendPointer } from "./json-pointer.js";
import { resolveReference } from "./resolve-reference.js";

/** The `examples` (each possibly a `$ref`) and `example` of a media type or parameter node. */
export function readExamples(
  document: unknown,
  pointer: string,
): { readonly name?: string; readonly value: unknown }[] {
  const node = resolveReference(document, pointer)?.node;
  if (node === undefined) return [];
  const found: { name?: string; value: unknown }[] = [];
  const named = node.examples;
  if (named !== null && typeof named === "object") {
    for (const name of Object.keys(named)) {
      const example = resolveReference(document, appendPointer(pointer, "examples", name))?.node;
      if (example !== undefined && "value" in example) found.push({ name, value: example.value });
    }
  }
  if ("example" in node) found.push({ value: node.example });
  return found;
}
