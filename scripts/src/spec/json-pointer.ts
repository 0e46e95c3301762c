/** Splits a JSON pointer (`/a/b~1c`) into its unescaped tokens. */
export function parseJsonPointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** `$response.body#/a/b` → `/a/b`; anything else → undefined. */
export function responseBodyPointer(expression: string): string | undefined {
  const prefix = "$response.body#";
  return expression.startsWith(prefix) ? expression.slice(prefix.length) : undefined;
}

/** The value at `pointer` in `root`, or undefined where a step is missing. */
export function getByPointer(root: unknown, pointer: string): unknown {
  let current = root;
  for (const token of parseJsonPointer(pointer)) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}
