/** Escapes one JSON pointer segment (RFC 6901). */
export function escapePointerSegment(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

export function appendPointer(pointer: string, ...segments: readonly (string | number)[]): string {
  return pointer + segments.map((s) => `/${escapePointerSegment(String(s))}`).join("");
}

function splitPointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}

export function readPointer(value: unknown, pointer: string): unknown {
  let current = value;
  for (const segment of splitPointer(pointer)) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Sets the value at `pointer`, creating objects on the way; `undefined` deletes the member. */
export function writePointer(target: unknown, pointer: string, value: unknown): void {
  const segments = splitPointer(pointer);
  const last = segments.pop();
  if (last === undefined) return;
  let current = target as Record<string, unknown>;
  for (const segment of segments) {
    if (current[segment] === null || typeof current[segment] !== "object") current[segment] = {};
    current = current[segment] as Record<string, unknown>;
  }
  if (value === undefined) delete current[last];
  else current[last] = value;
}
