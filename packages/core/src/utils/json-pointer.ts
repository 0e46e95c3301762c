/** Reads the value at an RFC 6901 JSON pointer (`/a/0/b`), or `undefined` when absent. */
export function readJsonPointer(document: unknown, pointer: string): unknown {
  if (pointer === "") return document;
  let current: unknown = document;
  for (const raw of pointer.replace(/^\//, "").split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    // Own properties only: `/constructor` or `/toString` must not reach into a prototype.
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
