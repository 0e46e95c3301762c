/** JSON pointers (RFC 6901): the one implementation every loginkit tool uses. */

/** Escapes one pointer token: `~` → `~0`, `/` → `~1`. */
export function escapePointerToken(token: string): string {
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Splits a pointer (`/a/b~1c`) into its unescaped tokens; `""` is the whole document. */
export function parseJsonPointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new SyntaxError(`not a JSON pointer: "${pointer}"`);
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** The pointer of a list of tokens (`["a", "b/c"]` → `/a/b~1c`). */
export function formatJsonPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((token) => `/${escapePointerToken(String(token))}`).join("");
}

/** `pointer` with `tokens` appended. */
export function appendPointer(pointer: string, ...tokens: readonly (string | number)[]): string {
  return pointer + formatJsonPointer(tokens);
}

/** The value at `pointer` in `root`, or `undefined` where a step is missing. */
export function readPointer(root: unknown, pointer: string): unknown {
  let current = root;
  for (const token of parseJsonPointer(pointer)) {
    if (typeof current !== "object" || current === null) return undefined;
    if (!Object.hasOwn(current, token)) return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

/** Sets the value at `pointer`, creating objects on the way; `undefined` deletes the member. */
export function writePointer(target: unknown, pointer: string, value: unknown): void {
  const tokens = parseJsonPointer(pointer);
  const last = tokens.pop();
  if (last === undefined) return;
  let current = target as Record<string, unknown>;
  for (const token of tokens) {
    if (current[token] === null || typeof current[token] !== "object") current[token] = {};
    current = current[token] as Record<string, unknown>;
  }
  if (value === undefined) delete current[last];
  else current[last] = value;
}
