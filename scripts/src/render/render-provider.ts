import type { LoadedProvider } from "../spec/load-spec.js";
import { typescriptHeader } from "./generated-header.js";
import { toTypeScriptLiteral } from "./to-typescript-literal.js";

/** `src/provider.ts`: the provider description that `@loginkit/core` drives the client with. */
export function renderProvider(spec: LoadedProvider, description: Record<string, unknown>): string {
  return [
    typescriptHeader(spec),
    'import type { ProviderDescription } from "@loginkit/core";',
    "",
    `/** What ${spec.entry.relativePath} says about signing in, tokens and errors, for @loginkit/core. */`,
    `export const provider = ${toTypeScriptLiteral(description)} as const satisfies ProviderDescription;`,
    "",
  ].join("\n");
}
