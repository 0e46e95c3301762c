import {
  dereference,
  isNamedParameter,
  listOperations,
  type OpenApiDocument,
  parseJsonPointer,
  type XLoginkitInput,
} from "@loginkit/contract";

/**
 * Components nothing refers to. Unlike redocly's built-in rule, a parameter that `x-loginkit.inputs`
 * names counts as used (the client sends it on the provider's other calls), and so does the
 * security scheme `x-loginkit.securityScheme` names or any requirement lists.
 */
export function findUnusedComponents(
  document: Record<string, unknown>,
): { path: (string | number)[]; message: string }[] {
  const spec = document as OpenApiDocument;
  const used = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
    } else if (typeof node === "object" && node !== null) {
      const ref = (node as { $ref?: unknown }).$ref;
      if (typeof ref === "string" && ref.startsWith("#/components/"))
        used.add(parseJsonPointer(ref.slice(1)).slice(1, 3).join("/"));
      for (const child of Object.values(node)) walk(child);
    }
  };
  walk(document);
  const requirements = [
    ...(spec.security ?? []),
    ...listOperations(spec).flatMap(
      (operation) => (operation.object.security as Record<string, unknown>[] | undefined) ?? [],
    ),
  ];
  for (const requirement of requirements)
    for (const name of Object.keys(requirement ?? {})) used.add(`securitySchemes/${name}`);
  const extension = (spec["x-loginkit"] ?? {}) as {
    securityScheme?: unknown;
    inputs?: XLoginkitInput[];
  };
  if (typeof extension.securityScheme === "string")
    used.add(`securitySchemes/${extension.securityScheme}`);
  const inputs = Array.isArray(extension.inputs) ? extension.inputs : [];
  for (const [name, parameter] of Object.entries(spec.components?.parameters ?? {})) {
    const resolved = dereference(spec, parameter) ?? {};
    if (inputs.some((input) => isNamedParameter(resolved, input))) used.add(`parameters/${name}`);
  }
  const problems: { path: (string | number)[]; message: string }[] = [];
  for (const [type, map] of Object.entries(spec.components ?? {})) {
    if (typeof map !== "object" || map === null || type.startsWith("x-")) continue;
    for (const name of Object.keys(map)) {
      if (!used.has(`${type}/${name}`))
        problems.push({
          path: ["components", type, name],
          message: `Component \`components.${type}.${name}\` is never used.`,
        });
    }
  }
  return problems;
}
