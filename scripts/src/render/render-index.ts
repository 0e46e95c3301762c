import type { ClientShape } from "../describe/client-shape.js";
import type { LoadedSpec } from "../spec/load-spec.js";
import { typescriptHeader } from "./generated-header.js";

/** `src/index.ts`: the package's one public face, `create<Name>Client` and its types. */
export function renderIndex(spec: LoadedSpec, shape: ClientShape): string {
  const { name, signIn, session } = shape;
  const operation = (operationId: string) => `operations[${JSON.stringify(operationId)}]`;
  const sessionType = session
    ? `${operation(session.operationId)}["responses"][${session.responseStatus}]["content"][${JSON.stringify(session.responseMediaType)}]`
    : "never";
  const baseUrlDoc = shape.defaultBaseUrl
    ? `   * Base URL of the API. Credentials are only ever sent to this origin and the spec's servers.\n   * @default ${JSON.stringify(shape.defaultBaseUrl)}`
    : "   * Base URL of your deployment (the spec lists no public server). Credentials are only ever sent to its origin.";
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
import { createProviderClient, type ProviderClient, type ProviderClientOptions } from "@loginkit/core";
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

export type ${name}Client = ProviderClient<${name}Types>;

/**
 * A typed client for ${spec.document.info.title}: openapi-fetch calls (\`client.POST(...)\`) plus
 * sign-in, token renewal and retry from \`@loginkit/core\`. Signs in lazily, on the first call that needs a token.
 */
export function create${name}Client(options: ${name}ClientOptions${shape.optionsRequired ? "" : " = {}"}): ${name}Client {
  return createProviderClient<${name}Types>(provider, { ...options });
}
`;
}
