import { isSecretField } from "../rules/secret-field.js";
import type { CredentialsSchema } from "./credentials-schema.js";

/**
 * The credentials' fields that name the account (`email`, `username`, `client_id`): top-level
 * strings that are not secrets. A client keys its stored session by them, so two accounts of one
 * provider sharing a token store never share a session.
 */
export function findAccountFields(schema: CredentialsSchema): string[] {
  // Alternatives (`oneOf`: an API key, or an e-mail and password) each name the account their way.
  const shapes = [schema, ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  const fields = shapes.flatMap((shape) =>
    Object.entries(shape.properties ?? {})
      .filter(([name, property]) => property.type === "string" && !isSecretField(name, property))
      .map(([name]) => name),
  );
  return [...new Set(fields)].sort();
}
