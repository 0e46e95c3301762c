/**
 * `x-assumed` and "Assumed:" go together: a node marked `x-assumed: <why>` says "Assumed:" in its
 * description, and a description saying "Assumed:" sits on a marked node. `x-loginkit` carries
 * `x-assumed` without descriptions, and example payloads are data, not spec nodes.
 */
export function findAssumptionProblems(
  document: Record<string, unknown>,
): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        walk(item, [...path, index]);
      });
      return;
    }
    if (typeof node !== "object" || node === null || path[0] === "x-loginkit") return;
    const record = node as Record<string, unknown>;
    const marked = "x-assumed" in record;
    const mark = record["x-assumed"];
    const description = typeof record.description === "string" ? record.description : undefined;
    if (marked && (typeof mark !== "string" || mark.trim() === ""))
      problems.push({
        path: [...path, "x-assumed"],
        message: "`x-assumed` must be a non-empty string saying why.",
      });
    if (marked && !description?.includes("Assumed:"))
      problems.push({
        path: [...path, "x-assumed"],
        message:
          'A node marked `x-assumed` needs a description with a sentence starting "Assumed:".',
      });
    if (!marked && description?.includes("Assumed:"))
      problems.push({
        path: [...path, "description"],
        message: 'This description says "Assumed:" but the node has no `x-assumed`.',
      });
    for (const [key, child] of Object.entries(record)) {
      if (key === "example" || (key === "value" && path.includes("examples"))) continue;
      walk(child, [...path, key]);
    }
  };
  walk(document, []);
  return problems;
}
