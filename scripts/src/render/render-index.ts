import type { ClientShape } from "../describe/client-shape.js";
import type { LoadedProvider } from "../spec/load-spec.js";
import { typescriptHeader } from "./generated-header.js";
import { baseUrlDoc, renderInputs, renderOperationTable } from "./render-index-parts.js";
import { renderJsDoc } from "./render-js-doc.js";
import { renderOperationPlumbing } from "./render-operation-plumbing.js";

/**
 * `src/index.ts`: the package's one public face. What is specific to the provider comes first,
 * as declarations and one table (operationId → method, path, the path parameters inputs fill);
 * the typed-call plumbing after it is the same in every client and moves into @loginkit/core
 * (see render-operation-plumbing.ts). Formatted by biome afterwards, like hand-written code.
 */
export function renderIndex(spec: LoadedProvider, shape: ClientShape): string {
  const { name, signIn, session } = shape;
  const operation = (operationId: string) => `operations[${JSON.stringify(operationId)}]`;
  const sessionType = session
    ? `${operation(session.operationId)}["responses"][${session.responseStatus}]["content"][${JSON.stringify(session.responseMediaType)}]`
    : "never";
  return `${typescriptHeader(spec)}
import {
  type CookiesFromJar,
  createProviderClient,
  type ProviderClient,
  type ProviderClientOptions,
} from "@loginkit/core";
import type { FetchOptions, FetchResponse } from "openapi-fetch";
import { provider } from "./provider.js";
import type { operations, paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";
export { provider as ${shape.variableName}Provider } from "./provider.js";

/** Credentials: the request body of \`${signIn.operationId}\`. */
export type ${name}Credentials = NonNullable<${operation(signIn.operationId)}["requestBody"]>["content"][${JSON.stringify(signIn.requestMediaType)}];

/** What a successful sign-in (\`${signIn.operationId}\`) answers. */
export type ${name}SignInData = ${operation(signIn.operationId)}["responses"][${signIn.responseStatus}]["content"][${JSON.stringify(signIn.responseMediaType)}];

/** What \`client.session()\` answers${session ? ` (\`${session.operationId}\`)` : ": this provider documents no session call"}. */
export type ${name}SessionData = ${sessionType};

${renderInputs(shape)}

export interface ${name}ClientOptions extends ProviderClientOptions<${name}Credentials>, ${name}Inputs {
  /**
${baseUrlDoc(shape)}
   */
  baseUrl${shape.defaultBaseUrl ? "?" : ""}: string;
}

${renderOperationTable(shape)}

/** The type parameters of \`@loginkit/core\`'s client for this provider. */
export interface ${name}Types {
  paths: paths;
  credentials: ${name}Credentials;
  signInData: ${name}SignInData;
  sessionData: ${name}SessionData;
}

/** One typed call per operation, by operationId. */
export type ${name}Operations = TypedOperations<typeof operationTable>;

export type ${name}Client = ProviderClient<${name}Types> & {
  /**
   * One typed call per operation, by operationId: raw calls that keep no token
   * (\`client.login()\` signs in). Unlike \`client.POST(path, init)\`, they reject a body
   * property the spec does not declare.
   */
  readonly operations: ${name}Operations;${
    shape.refresh
      ? `
  /**
   * Exchanges the refresh token for new tokens now (\`${shape.refresh.operationId}\`); renewal
   * does this by itself before expiry.
   */
  refresh(): Promise<void>;`
      : ""
  }
};

${renderJsDoc([`A typed client for ${spec.contract.spec.document.info.title}: openapi-fetch calls (\`client.POST(...)\`) plus sign-in, token renewal and retry from \`@loginkit/core\`. Signs in lazily, on the first call that needs a token.`])}
export function create${name}Client(options: ${name}ClientOptions${shape.optionsRequired ? "" : " = {}"}): ${name}Client {
  const client = createProviderClient<${name}Types>(provider, { ...options });
  return Object.assign(client, {
    operations: bindOperations(client, operationTable, options),${shape.refresh ? "\n    refresh: () => client.renew()," : ""}
  });
}
${renderOperationPlumbing()}`;
}
