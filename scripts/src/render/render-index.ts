import type { ClientShape } from "../describe/client-shape.js";
import type { LoadedProvider } from "../spec/load-spec.js";
import { typescriptHeader } from "./generated-header.js";
import { renderOperationTable } from "./render-index-parts.js";
import { renderJsDoc } from "./render-js-doc.js";

/**
 * `src/index.ts`: the package's public face, only what is specific to the provider: the table of
 * operations the typed calls reach, and the factory. The plumbing (binding the table, filling
 * path inputs, the types) is @loginkit/core's `createTypedClient`; the types are in `types.ts`.
 */
export function renderIndex(spec: LoadedProvider, shape: ClientShape): string {
  const { name } = shape;
  return `${typescriptHeader(spec)}
import { createTypedClient, type TypedClient, type TypedClientOptions } from "@loginkit/core";
import { provider } from "./provider.js";
import type { ${name}Types } from "./types.js";

export type * from "./types.js";
export { provider as ${shape.variableName}Provider } from "./provider.js";

${renderOperationTable(shape)}

export type ${name}ClientOptions = TypedClientOptions<${name}Types>;
export type ${name}Client = TypedClient<${name}Types, typeof table>;

${renderJsDoc([`A typed ${shape.displayName} client: openapi-fetch calls plus sign-in, renewal and retry.`])}
export function create${name}Client(options: ${name}ClientOptions${shape.optionsRequired ? "" : " = {}"}): ${name}Client {
  return createTypedClient<${name}Types, typeof table>(provider, table, options);
}
`;
}
