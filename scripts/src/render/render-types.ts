import type { ClientShape } from "../describe/client-shape.js";
import type { LoadedProvider } from "../spec/load-spec.js";
import { typescriptHeader } from "./generated-header.js";
import { renderInputs } from "./render-index-parts.js";
import { renderJsDoc } from "./render-js-doc.js";

/**
 * `src/types.ts`: the provider's types, derived by @loginkit/core's `ProviderTypesOf` from its
 * description and openapi-typescript's output, under the names users import.
 */
export function renderTypes(spec: LoadedProvider, shape: ClientShape): string {
  const { name, signIn, session } = shape;
  return `${typescriptHeader(spec)}
import type { ProviderTypesOf } from "@loginkit/core";
import type { provider } from "./provider.js";
import type { operations, paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";

${renderInputs(shape)}

${renderJsDoc([`${shape.displayName}'s types for \`@loginkit/core\`, derived from its spec.`])}
export type ${name}Types = ProviderTypesOf<typeof provider, paths, operations, ${name}Inputs>;
${renderJsDoc([`What \`client.signIn()\` takes: the request body of \`${signIn.operationId}\`.`])}
export type ${name}Credentials = ${name}Types["credentials"];
${renderJsDoc([`What a successful sign-in (\`${signIn.operationId}\`) answers.`])}
export type ${name}SignInData = ${name}Types["signInData"];
${renderJsDoc([`What \`client.session()\` answers${session ? ` (\`${session.operationId}\`)` : ": never, this provider documents no session call"}.`])}
export type ${name}SessionData = ${name}Types["sessionData"];
`;
}
