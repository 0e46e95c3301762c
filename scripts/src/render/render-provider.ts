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
  const features = pickFeatures(spec.contract.provider);
  const imports = [...features, "type ProviderDescription"].join(", ");
  return [
    typescriptHeader(spec),
    `import { ${imports} } from "@loginkit/core";`,
    "",
    `const description = ${toTypeScriptLiteral(description)} as const;`,
    "",
    renderJsDoc([
      `What ${spec.entry.relativePath} says about signing in, tokens and errors, for @loginkit/core,`,
      "with the code it calls for (core's other features stay out of the bundle).",
    ]),
    `export const provider = { ...description, features: { ${features.join(", ")} } } satisfies ProviderDescription;`.replace(
      "{  }",
      "{}",
    ),
    "",
  ].join("\n");
}

/**
 * The features of core this provider uses, by the names core exports them under: the cookie
 * jar when an operation sets a cookie, the refresh call when one is described, and the JWT
 * reader when the sign-in answer names no expiry (the token's own `exp` is then the only one).
 */
function pickFeatures(provider: LoadedProvider["contract"]["provider"]): string[] {
  const features: string[] = [];
  if (provider.cookies) features.push("createCookieJar");
  const token = provider.token as { expiresIn?: string; expiresAt?: string };
  if (token.expiresIn === undefined && token.expiresAt === undefined) {
    features.push("readJwtClaims");
  }
  if (provider.refresh) features.push("refreshSession");
  return features;
}
