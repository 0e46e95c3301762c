const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Plain data as a TypeScript literal, two-space indented, keys unquoted where they can be. */
export function toTypeScriptLiteral(value: unknown, indent = ""): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => `${inner}${toTypeScriptLiteral(item, inner)},`).join("\n")}\n${indent}]`;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const lines = entries.map(([key, item]) => {
      const name = identifier.test(key) ? key : JSON.stringify(key);
      return `${inner}${name}: ${toTypeScriptLiteral(item, inner)},`;
    });
    return `{\n${lines.join("\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}
