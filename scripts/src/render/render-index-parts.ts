import type { ClientShape, ShapedOperation } from "../describe/client-shape.js";
import { renderJsDoc } from "./render-js-doc.js";

/** `<Name>Inputs`: what a client is given once and sends on its own (`appId`, `accountId`...). */
export function renderInputs(shape: ClientShape): string {
  const members = shape.inputs.map(
    (input) => `
${renderJsDoc(
  [
    input.description ?? `Value of the ${input.in} parameter \`${input.name}\`.`,
    `${input.in === "path" ? `Fills the path parameter \`${input.name}\` of typed calls (a call's own \`params.path\` wins)` : `Sent as the header \`${input.name}\``}${input.default ? `; when omitted, read from the sign-in answer (\`${input.default}\`)` : ""}.`,
  ],
  "  ",
)}
  ${input.option}${input.required ? "" : "?"}: string;`,
  );
  return `/** What ${shape.displayName} clients are given once and send on every call that declares it. */
export interface ${shape.name}Inputs {${members.join("")}
}`;
}

/** The table of operations: what is specific to each one, for the typed calls. */
export function renderOperationTable(shape: ClientShape): string {
  return `/** Every operation of the spec: method, path, and the path parameters the client's inputs fill. */
const operationTable = {
${shape.operations.map((entry) => renderTableEntry(entry, shape)).join("\n")}
} as const satisfies OperationTable<${shape.name}Inputs>;`;
}

export function baseUrlDoc(shape: ClientShape): string {
  return shape.defaultBaseUrl
    ? `   * Base URL of the API. By default credentials go to the spec's servers; with your own\n   * base URL, only to its origin (add more with \`trustedOrigins\`).\n   * @default ${JSON.stringify(shape.defaultBaseUrl)}`
    : "   * Base URL of your deployment (the spec lists no public server). Credentials go only to its\n   * origin (add more with `trustedOrigins`).";
}

function renderTableEntry(operation: ShapedOperation, shape: ClientShape): string {
  const key = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(operation.operationId)
    ? operation.operationId
    : JSON.stringify(operation.operationId);
  const managed = managedBy(operation.operationId, shape);
  const summary = `${operation.summary ? `${operation.summary}: ` : ""}\`${operation.method.toUpperCase()} ${operation.path}\`.${managed ? ` A raw call that keeps no token: ${managed}.` : ""}`;
  const fills = operation.filledPathParameters.length
    ? `, { ${operation.filledPathParameters.map((filled) => `${filled.name}: ${JSON.stringify(filled.option)}`).join(", ")} }`
    : "";
  return `${renderJsDoc([summary], "  ")}\n  ${key}: [${JSON.stringify(operation.method.toUpperCase())}, ${JSON.stringify(operation.path)}${fills}],`;
}

/** What the client itself calls an operation for, so a raw call is not mistaken for it. */
function managedBy(operationId: string, shape: ClientShape): string | undefined {
  if (operationId === shape.signIn.operationId)
    return "`client.login()` signs in and keeps the session";
  if (operationId === shape.refresh?.operationId) return "`client.refresh()` renews the session";
  if (operationId === shape.session?.operationId)
    return "`client.session()` calls it with the session's token";
  return undefined;
}
