import type { LoadedProvider } from "../spec/load-spec.js";
import { typescriptHeader } from "./generated-header.js";
import { renderJsDoc } from "./render-js-doc.js";
import { toTypeScriptLiteral } from "./to-typescript-literal.js";

/**
 * `src/provider.ts`: the provider description that `@loginkit/core` drives the client with, and
 * the sign-in body's schema (`credentialsSchema`). The object is checked against core's type
 * through a name, not as a literal: a literal would fail excess-property checks while core does
 * not declare `credentialsSchema` yet, and is checked field by field once it does.
 */
export function renderProvider(spec: LoadedProvider): string {
  const description = {
    ...spec.contract.provider,
    credentialsSchema: spec.contract.credentialsSchema,
    ...(spec.contract.accountFields.length > 0 && { accountFields: spec.contract.accountFields }),
  };
  return [
    typescriptHeader(spec),
    'import type { ProviderDescription } from "@loginkit/core";',
    "",
    `const description = ${toTypeScriptLiteral(description)} as const;`,
    "",
    renderJsDoc([
      `What ${spec.entry.relativePath} says about signing in, tokens and errors, for @loginkit/core.`,
    ]),
    "export const provider = description satisfies ProviderDescription;",
    "",
  ].join("\n");
}
