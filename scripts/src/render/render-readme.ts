import { dereference, isSecretField, type XLoginkit } from "@loginkit/contract";
import type { ClientShape } from "../describe/client-shape.js";
import type { LoadedProvider } from "../spec/load-spec.js";
import { findAssumptions } from "./find-assumptions.js";
import { markdownHeader } from "./generated-header.js";

/** `README.md`: what the provider is, its operations, the auth flow, options and an example. */
export function renderReadme(
  spec: LoadedProvider,
  extension: XLoginkit,
  shape: ClientShape,
): string {
  const { name } = shape;
  const sections = [
    markdownHeader(spec),
    `# ${shape.packageName}`,
    "",
    `Typed client for the **${extension.displayName}** login API, generated from [\`${spec.entry.relativePath}\`](../../${spec.entry.relativePath}) (API version ${spec.contract.spec.document.info.version}).`,
    "Sign-in, token renewal, replay after an expired token and retry come from [`@loginkit/core`](../core).",
    "",
    extension.summary.trim(),
    "",
    "## Install",
    "",
    "```sh",
    `npm install ${shape.packageName}`,
    "```",
    "",
    "## Usage",
    "",
    "```ts",
    ...usageExample(spec, extension, shape),
    "```",
    "",
    "## How it signs in",
    "",
    ...authFlow(spec, extension),
    "",
    "## Client options",
    "",
    `\`create${name}Client(options)\` takes every option of \`@loginkit/core\` (\`retry\`, \`timeout\`, \`tokenStore\`, \`onEvent\`, \`fetch\`, \`headers\`) and these:`,
    "",
    "| option | required | what it is |",
    "| --- | --- | --- |",
    `| \`credentials\` | no | The request body of \`${extension.signIn.operationId}\`, or an async function returning it. Without it the client only makes public calls. |`,
    `| \`baseUrl\` | ${shape.defaultBaseUrl ? `no (default \`${shape.defaultBaseUrl}\`)` : "yes: the spec lists no public server"} | Where requests go. By default credentials go to the spec's servers; with your own base URL, only to its origin (add more with \`trustedOrigins\`). |`,
    ...shape.inputs.map(
      (input) =>
        `| \`${input.option}\` | ${input.required ? "yes" : "no"} | ${input.description ?? ""} Sent as the ${input.in === "path" ? "path parameter" : "header"} \`${input.name}\`${input.default ? `; by default read from the sign-in answer (\`${input.default}\`)` : ""}. |`,
    ),
    "",
    "## Operations",
    "",
    "Typed calls are `client.operations.<operationId>(init)`; the client makes the sign-in, refresh and sign-out calls itself (`client.signIn()`, `client.renew()`, `client.signOut()`), so those are not typed calls: a raw one would keep no token.",
    "",
    "| operationId | method and path | token | how to call it | summary |",
    "| --- | --- | --- | --- | --- |",
    ...operationRows(spec, extension),
    "",
    ...assumptionSection(spec),
  ];
  return `${sections
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}

function usageExample(spec: LoadedProvider, extension: XLoginkit, shape: ClientShape): string[] {
  const credentials = exampleCredentials(spec, extension);
  const options = [
    ...(shape.defaultBaseUrl ? [] : ['  baseUrl: "https://login.example.com",']),
    ...shape.inputs
      .filter((input) => input.required)
      .map((input) => `  ${input.option}: process.env.${constantCase(input.option)}!,`),
    `  credentials: ${renderCredentials(credentials, spec.entry.id)},`,
  ];
  return [
    `import { create${shape.name}Client } from "${shape.packageName}";`,
    "",
    `const client = create${shape.name}Client({`,
    ...options,
    "});",
    "",
    "// Signs in on the first call that needs a token, renews before expiry, retries transient failures.",
    "const data = await client.signIn();",
    ...(shape.session ? ["const session = await client.session();"] : []),
    "",
    "// The authenticated fetch works with any other openapi-fetch client for this provider, or on its own.",
    `const response = await client.fetch(new URL("/some/protected/endpoint", ${JSON.stringify(shape.defaultBaseUrl ?? "https://login.example.com")}));`,
  ];
}

function exampleCredentials(spec: LoadedProvider, extension: XLoginkit): unknown {
  const operation = spec.contract.operation(extension.signIn.operationId);
  const body = dereference(spec.contract.spec.document, operation.object.requestBody);
  const media =
    Object.values((body?.content as Record<string, Record<string, unknown>>) ?? {})[0] ?? {};
  if (media.example !== undefined) return media.example;
  const first = Object.values((media.examples as Record<string, unknown>) ?? {})[0];
  return dereference<{ value?: unknown }>(spec.contract.spec.document, first)?.value ?? {};
}

function authFlow(spec: LoadedProvider, extension: XLoginkit): string[] {
  const describe = (operationId: string) => {
    const operation = spec.contract.operations.find(
      (candidate) => candidate.operationId === operationId,
    );
    return operation
      ? `\`${operation.method.toUpperCase()} ${operation.path}\` (\`${operationId}\`)`
      : `\`${operationId}\``;
  };
  const { token } = extension;
  const expiry = token.expiresIn
    ? `\`${token.expiresIn}\` (seconds)`
    : token.expiresAt
      ? `\`${token.expiresAt}\` (a date-time)`
      : "the token's JWT `exp` claim when it has one; otherwise only a 401 says so";
  const renew = extension.refresh
    ? `it calls ${describe(extension.refresh.operationId)} with the refresh token (\`${token.refreshToken ?? "?"}\`)${extension.refresh["x-assumed"] ? ` (assumed: ${extension.refresh["x-assumed"]})` : ""}, and signs in again if that fails`
    : "it signs in again: the provider documents no refresh call";
  const matchers = (list: XLoginkit["errors"]["tokenExpired"]) =>
    list.map(
      (matcher) =>
        `${matcher.status}${matcher.pointer ? ` with \`${matcher.pointer}\` in ${matcher.values!.map((value) => `\`${value}\``).join(", ")}` : ""}${matcher.operations ? ` from ${matcher.operations.map((id) => `\`${id}\``).join(", ")}` : ""}`,
    );
  return [
    `1. **Sign in:** ${describe(extension.signIn.operationId)} with the credentials; the access token is \`${token.accessToken}\`${token.refreshToken ? `, the refresh token \`${token.refreshToken}\`` : ""}.`,
    `2. **Present:** every request to the provider's origin carries the token as the \`${extension.securityScheme}\` security scheme says${
      extension.inputs?.some((input) => input.in === "header")
        ? `, with ${extension.inputs
            .filter((input) => input.in === "header")
            .map((input) => `\`${input.name}\``)
            .join(", ")}`
        : ""
    }.`,
    `3. **Expiry:** read from ${expiry}. Shortly before it, on the next request, ${renew}.`,
    `4. **Expired token:** any 401 to a request that carried a token${extension.errors.tokenExpired.length ? ` (the provider says so with ${matchers(extension.errors.tokenExpired).join("; ")})` : ""} renews the session once and replays the request once.`,
    `5. **Bad credentials:** ${matchers(extension.errors.badCredentials).join("; ") || "a 401 on sign-in"} is never retried: it throws \`AuthenticationError\` with the provider's code.`,
    ...(extension.session
      ? [`6. **Session:** \`client.session()\` calls ${describe(extension.session.operationId)}.`]
      : []),
  ];
}

function operationRows(spec: LoadedProvider, extension: XLoginkit): string[] {
  const managedBy = new Map([
    [extension.signIn.operationId, "`client.signIn()`"],
    ...(extension.refresh ? [[extension.refresh.operationId, "`client.renew()`"] as const] : []),
    ...(extension.signOut ? [[extension.signOut.operationId, "`client.signOut()`"] as const] : []),
  ]);
  return spec.contract.operations.map((operation) => {
    const isPublic = operation.security.token !== "required";
    const summary = String(operation.object.summary ?? "").replaceAll("|", "\\|");
    const call =
      managedBy.get(operation.operationId) ?? `\`client.operations.${operation.operationId}()\``;
    return `| \`${operation.operationId}\` | \`${operation.method.toUpperCase()} ${operation.path}\` | ${isPublic ? "none" : "required"} | ${call} | ${summary} |`;
  });
}

function assumptionSection(spec: LoadedProvider): string[] {
  const assumptions = findAssumptions(spec.contract.spec.document);
  if (assumptions.length === 0) return [];
  return [
    "## Assumed, not documented",
    "",
    "The provider's documents do not say these; the spec assumes them (`x-assumed`):",
    "",
    ...assumptions.map((assumption) => `- \`${assumption.location}\`: ${assumption.reason}`),
  ];
}

/**
 * The example credentials as an object literal, secrets read from the environment: a README
 * should never teach pasting a password or an API secret into code.
 */
function renderCredentials(credentials: unknown, id: string): string {
  if (typeof credentials !== "object" || credentials === null) return "{}";
  const fields = Object.entries(credentials).map(([field, value]) => {
    const shown = isSecretField(field)
      ? `process.env.${constantCase(`${id.replaceAll("-", "_")}_${field}`)}!`
      : JSON.stringify(value);
    return `    ${/^[A-Za-z_$][\w$]*$/.test(field) ? field : JSON.stringify(field)}: ${shown},`;
  });
  return `{\n${fields.join("\n")}\n  }`;
}

function constantCase(option: string): string {
  return option.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}
