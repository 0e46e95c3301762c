import type { CredentialsSchema } from "../provider/provider-description.js";

/** Where credentials break their schema: the field (a dotted path) and the rule, never the value. */
export interface CredentialsProblem {
  field: string;
  rule: string;
}

/** Formats core can check without a library; others are left to the provider. */
const FORMATS: Record<string, (value: string) => boolean> = {
  email: (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
  uuid: (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
};

/**
 * The first way `value` breaks `schema` (the {@link CredentialsSchema} subset of JSON Schema),
 * or `undefined` when it fits. Hand-written on purpose: a schema library would more than
 * double core's bundle for a dozen keywords.
 */
export function findCredentialsProblem(
  value: unknown,
  schema: CredentialsSchema,
  path = "",
): CredentialsProblem | undefined {
  const problem = (rule: string) => ({ field: path || "credentials", rule });
  if (schema.type !== undefined && !hasType(value, schema.type)) {
    return problem(`must be ${article(schema.type)}`);
  }
  if (schema.enum && !schema.enum.some((allowed) => allowed === value)) {
    return problem(
      `must be one of ${schema.enum.map((allowed) => JSON.stringify(allowed)).join(", ")}`,
    );
  }
  if (typeof value === "string") {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) {
      return problem(`must be at least ${schema.minLength} characters`);
    }
    if (schema.maxLength !== undefined && length > schema.maxLength) {
      return problem(`must be at most ${schema.maxLength} characters`);
    }
    if (schema.pattern !== undefined && compile(schema.pattern)?.test(value) === false) {
      return problem(`must match the pattern ${schema.pattern}`);
    }
    const format = schema.format === undefined ? undefined : FORMATS[schema.format];
    if (format && !format(value)) return problem(`must be a valid ${schema.format}`);
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) {
      return problem(`must be at least ${schema.minimum}`);
    }
    if (schema.maximum !== undefined && value > schema.maximum) {
      return problem(`must be at most ${schema.maximum}`);
    }
  }
  if (isObject(value)) {
    const found = findObjectProblem(value, schema, path);
    if (found) return found;
  }
  return findBranchProblem(value, schema, path);
}

function findObjectProblem(
  value: Record<string, unknown>,
  schema: CredentialsSchema,
  path: string,
): CredentialsProblem | undefined {
  const at = (key: string) => (path ? `${path}.${key}` : key);
  for (const key of schema.required ?? []) {
    if (value[key] === undefined) return { field: at(key), rule: "is required" };
  }
  for (const [key, child] of Object.entries(value)) {
    const property = schema.properties?.[key];
    if (property) {
      const found =
        child === undefined ? undefined : findCredentialsProblem(child, property, at(key));
      if (found) return found;
    } else if (schema.additionalProperties === false && child !== undefined) {
      return { field: at(key), rule: "is not a field the provider accepts" };
    }
  }
  return undefined;
}

/** `oneOf`: exactly one branch fits; `anyOf`: at least one. The rule sums up each branch. */
function findBranchProblem(
  value: unknown,
  schema: CredentialsSchema,
  path: string,
): CredentialsProblem | undefined {
  for (const [branches, exactlyOne] of [
    [schema.oneOf, true],
    [schema.anyOf, false],
  ] as const) {
    if (!branches) continue;
    const problems = branches.map((branch) => findCredentialsProblem(value, branch, path));
    const fits = problems.filter((found) => found === undefined).length;
    if (fits === 0) {
      const each = problems.map((found) => `\`${found?.field}\` ${found?.rule}`).join("; or ");
      return {
        field: path || "credentials",
        rule: `must match one of the accepted shapes: ${each}`,
      };
    }
    if (exactlyOne && fits > 1) {
      return { field: path || "credentials", rule: "matches more than one accepted shape" };
    }
  }
  return undefined;
}

function hasType(value: unknown, type: NonNullable<CredentialsSchema["type"]>): boolean {
  switch (type) {
    case "object":
      return isObject(value);
    case "array":
      return Array.isArray(value);
    case "null":
      return value === null;
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function article(type: string): string {
  return type === "null" ? "null" : `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
}

/** A spec's pattern (ECMA-262, as JSON Schema says); one that does not compile is not checked. */
function compile(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return undefined;
  }
}
