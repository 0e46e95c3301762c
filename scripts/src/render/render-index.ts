import type { ClientShape, ShapedOperation } from "../describe/client-shape.js";
import type { LoadedProvider } from "../spec/load-spec.js";
import { typescriptHeader } from "./generated-header.js";

/** `src/index.ts`: the package's one public face, `create<Name>Client` and its types. */
export function renderIndex(spec: LoadedProvider, shape: ClientShape): string {
  const { name, signIn, session } = shape;
  const operation = (operationId: string) => `operations[${JSON.stringify(operationId)}]`;
  const sessionType = session
    ? `${operation(session.operationId)}["responses"][${session.responseStatus}]["content"][${JSON.stringify(session.responseMediaType)}]`
    : "never";
  const baseUrlDoc = shape.defaultBaseUrl
    ? `   * Base URL of the API. By default credentials go to the spec's servers; with your own\n   * base URL, only to its origin (add more with \`trustedOrigins\`).\n   * @default ${JSON.stringify(shape.defaultBaseUrl)}`
    : "   * Base URL of your deployment (the spec lists no public server). Credentials go only to its origin (add more with `trustedOrigins`).";
  const optionLines = [
    "  /**",
    baseUrlDoc,
    "   */",
    `  baseUrl${shape.defaultBaseUrl ? "?" : ""}: string;`,
    ...shape.inputs.flatMap((input) => [
      "  /**",
      `   * ${input.description ?? `Value of the ${input.in} parameter \`${input.name}\`.`}`,
      `   * Sent as the ${input.in === "path" ? "path parameter" : "header"} \`${input.name}\`${input.default ? `; when omitted, read from the sign-in answer (\`${input.default}\`)` : ""}.`,
      "   */",
      `  ${input.option}${input.required ? "" : "?"}: string;`,
    ]),
  ];
  return `${typescriptHeader(spec)}
import {
  type CookiesFromJar,
  createProviderClient,
  type ProviderClient,
  type ProviderClientOptions,
} from "@loginkit/core";
import type { FetchOptions } from "openapi-fetch";
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

/** The type parameters of \`@loginkit/core\`'s client for this provider. */
export interface ${name}Types {
  paths: paths;
  credentials: ${name}Credentials;
  signInData: ${name}SignInData;
  sessionData: ${name}SessionData;
}

export interface ${name}ClientOptions extends ProviderClientOptions<${name}Credentials> {
${optionLines.join("\n")}
}

/** One typed call per operation of the spec, by operationId. */
export type ${name}Operations = ReturnType<typeof bindOperations>;

export type ${name}Client = ProviderClient<${name}Types> & {
  /**
   * One typed call per operation, by operationId. Unlike \`client.POST(path, init)\`, whose init is
   * inferred, these reject a body property the spec does not declare.
   */
  readonly operations: ${name}Operations;${
    shape.refresh
      ? `
  /** Exchanges the refresh token for new tokens now (\`${shape.refresh.operationId}\`); renewal does this by itself before expiry. */
  refresh(): Promise<void>;`
      : ""
  }
};

/**
 * A typed client for ${spec.contract.spec.document.info.title}: openapi-fetch calls (\`client.POST(...)\`) plus
 * sign-in, token renewal and retry from \`@loginkit/core\`. Signs in lazily, on the first call that needs a token.
 */
export function create${name}Client(options: ${name}ClientOptions${shape.optionsRequired ? "" : " = {}"}): ${name}Client {
  const client = createProviderClient<${name}Types>(provider, { ...options });
  return Object.assign(client, { operations: bindOperations(client)${shape.refresh ? ", refresh: () => client.renew()" : ""} });
}

function bindOperations(client: ProviderClient<${name}Types>) {
  return {
${shape.operations.map((operation) => renderOperation(operation)).join("\n")}
  };
}
`;
}

function renderOperation(operation: ShapedOperation): string {
  const method = operation.method.toUpperCase();
  const path = JSON.stringify(operation.path);
  const key = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(operation.operationId)
    ? operation.operationId
    : JSON.stringify(operation.operationId);
  const init = `init: FetchOptions<CookiesFromJar<operations[${JSON.stringify(operation.operationId)}]>>${operation.initOptional ? " = {}" : ""}`;
  return [
    `    /** ${operation.summary ? `${operation.summary}: ` : ""}\`${method} ${operation.path}\`. */`,
    `    ${key}: (${init}) => client.${method}(${path}, init as FetchOptions<operations[${JSON.stringify(operation.operationId)}]>),`,
  ].join("\n");
}
