import type { OpenApiDocument } from "../spec/openapi-document.js";
import { dereference } from "../spec/resolve-reference.js";

/**
 * The JSON Schema subset a client checks credentials with before sending them: enough to say
 * "password: at least 10 characters" without a validator. `@loginkit/core` declares the same shape.
 */
export interface CredentialsSchema {
  readonly type?: string | readonly string[];
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, CredentialsSchema>>;
  readonly additionalProperties?: boolean | CredentialsSchema;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly oneOf?: readonly CredentialsSchema[];
  readonly anyOf?: readonly CredentialsSchema[];
}

const scalarKeys = [
  "type",
  "required",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "enum",
  "minimum",
  "maximum",
] as const;

/**
 * `schema` dereferenced and reduced to `CredentialsSchema`: keys outside the subset are dropped,
 * `allOf` branches are merged into their parent (properties and `required` add up).
 */
export function reduceCredentialsSchema(
  document: OpenApiDocument,
  schema: unknown,
  depth = 0,
): CredentialsSchema {
  const resolved = dereference(document, schema);
  if (!resolved || depth > 16) return {};
  const reduced: Record<string, unknown> = {};
  for (const key of scalarKeys) {
    if (resolved[key] !== undefined) reduced[key] = structuredClone(resolved[key]);
  }
  const properties = resolved.properties as Record<string, unknown> | undefined;
  if (properties) {
    reduced.properties = Object.fromEntries(
      Object.entries(properties).map(([name, property]) => [
        name,
        reduceCredentialsSchema(document, property, depth + 1),
      ]),
    );
  }
  const additional = resolved.additionalProperties;
  if (typeof additional === "boolean") reduced.additionalProperties = additional;
  else if (additional !== undefined)
    reduced.additionalProperties = reduceCredentialsSchema(document, additional, depth + 1);
  for (const key of ["oneOf", "anyOf"] as const) {
    const branches = resolved[key];
    if (Array.isArray(branches))
      reduced[key] = branches.map((branch) => reduceCredentialsSchema(document, branch, depth + 1));
  }
  const allOf = resolved.allOf;
  if (Array.isArray(allOf)) {
    for (const branch of allOf.map((part) => reduceCredentialsSchema(document, part, depth + 1)))
      mergeInto(reduced, branch);
  }
  return reduced as CredentialsSchema;
}

function mergeInto(target: Record<string, unknown>, branch: CredentialsSchema): void {
  for (const [key, value] of Object.entries(branch)) {
    if (key === "properties") {
      target.properties = { ...(target.properties as object), ...(value as object) };
    } else if (key === "required") {
      target.required = [
        ...new Set([...((target.required as string[]) ?? []), ...(value as string[])]),
      ];
    } else if (target[key] === undefined) {
      target[key] = value;
    }
  }
}
