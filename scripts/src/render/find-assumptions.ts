/** Every node of a document marked `x-assumed: <why>`, as a readable location and the reason. */
export function findAssumptions(document: unknown): { location: string; reason: string }[] {
  const found: { location: string; reason: string }[] = [];
  const visit = (value: unknown, path: string[]) => {
    if (typeof value !== "object" || value === null) return;
    const reason = (value as Record<string, unknown>)["x-assumed"];
    if (typeof reason === "string")
      found.push({ location: path.join(".") || "(root)", reason: reason.trim() });
    for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
  };
  visit(document, []);
  return found;
}
