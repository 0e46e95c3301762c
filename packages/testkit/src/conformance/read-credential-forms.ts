import { resolveReference } from "../spec/resolve-reference.js";
import type { SpecOperation } from "../spec/spec-operation.js";
import type { CredentialForm } from "./credential-form.js";

/** The sign-in body's forms: one per `oneOf`/`anyOf` branch, else the schema itself. */
export function readCredentialForms(
  document: Record<string, unknown>,
  signIn: SpecOperation,
): CredentialForm[] {
  const pointer = signIn.requestBody?.schemaPointer;
  const schema = pointer === undefined ? undefined : resolveReference(document, pointer);
  if (schema === undefined) return [];
  const branches = (schema.node.oneOf ?? schema.node.anyOf) as unknown[] | undefined;
  if (!Array.isArray(branches)) return [formOf(schema.node)];
  return branches.flatMap((_, index) => {
    const kind = schema.node.oneOf === undefined ? "anyOf" : "oneOf";
    const branch = resolveReference(document, `${schema.pointer}/${kind}/${index}`);
    return branch === undefined ? [] : [formOf(branch.node)];
  });
}

function formOf(schema: Record<string, unknown>): CredentialForm {
  const properties = Object.keys((schema.properties ?? {}) as Record<string, unknown>);
  const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
  return { fields: [...new Set([...properties, ...required])], required };
}
