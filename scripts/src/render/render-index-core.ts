import type { ClientShape } from "../describe/client-shape.js";
import type { LoadedProvider } from "../spec/load-spec.js";
import { typescriptHeader } from "./generated-header.js";
import { baseUrlDoc, renderInputs, renderOperationTable } from "./render-index-parts.js";
import { renderJsDoc } from "./render-js-doc.js";

/**
 * `src/index.ts` once @loginkit/core exports `createTypedClient` (issue #12; the code core needs
 * is in /work/brief/core-plumbing-for-12.md): only what is specific to the provider, a table.
 */
export function renderIndexWithCorePlumbing(spec: LoadedProvider, shape: ClientShape): string {
  const { name, signIn, session } = shape;
  const operation = (operationId: string) => `operations[${JSON.stringify(operationId)}]`;
  return `${typescriptHeader(spec)}
import {
  createTypedClient,
  type OperationTable,
  type TypedClient,
  type TypedClientOptions,
} from "@loginkit/core";
import { provider } from "./provider.js";
import type { operations, paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";
export { provider as ${shape.variableName}Provider } from "./provider.js";

${renderInputs(shape)}

${renderOperationTable(shape)}

${renderJsDoc([`The types of this provider's client: its paths and operations, credentials (the body of \`${signIn.operationId}\`) and answers.`])}
export interface ${name}Types {
  paths: paths;
  operations: operations;
  credentials: NonNullable<${operation(signIn.operationId)}["requestBody"]>["content"][${JSON.stringify(signIn.requestMediaType)}];
  signInData: ${operation(signIn.operationId)}["responses"][${signIn.responseStatus}]["content"][${JSON.stringify(signIn.responseMediaType)}];
  sessionData: ${session ? `${operation(session.operationId)}["responses"][${session.responseStatus}]["content"][${JSON.stringify(session.responseMediaType)}]` : "never"};
  refresh: ${shape.refresh ? "true" : "false"};
}
export type ${name}Credentials = ${name}Types["credentials"];
export type ${name}SignInData = ${name}Types["signInData"];
export type ${name}SessionData = ${name}Types["sessionData"];

export interface ${name}ClientOptions extends TypedClientOptions<${name}Types>, ${name}Inputs {
  /**
${baseUrlDoc(shape)}
   */
  baseUrl${shape.defaultBaseUrl ? "?" : ""}: string;
}
export type ${name}Client = TypedClient<${name}Types, typeof operationTable>;
export type ${name}Operations = ${name}Client["operations"];

${renderJsDoc([`A typed client for ${spec.contract.spec.document.info.title}: openapi-fetch calls (\`client.POST(...)\`) plus sign-in, token renewal and retry from \`@loginkit/core\`. Signs in lazily, on the first call that needs a token.`])}
export function create${name}Client(options: ${name}ClientOptions${shape.optionsRequired ? "" : " = {}"}): ${name}Client {
  return createTypedClient<${name}Types, typeof operationTable, ${name}Inputs>(provider, operationTable, options);
}
`;
}
