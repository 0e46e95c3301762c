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

/**
 * The table of operations the typed calls reach: operationId → method, path, the path parameters
 * client inputs fill. One line each; their summaries are on `operations` in `schema.ts`.
 */
export function renderOperationTable(shape: ClientShape): string {
  const entries = shape.operations.map((entry) => `  ${renderTableEntry(entry)},`);
  return `/** What \`client.operations\` calls; sign-in, refresh and sign-out are the client's own. */
const table = {${entries.length ? `\n${entries.join("\n")}\n` : ""}} as const;`;
}

export function baseUrlDoc(shape: ClientShape): string {
  return shape.defaultBaseUrl
    ? `   * Base URL of the API. By default credentials go to the spec's servers; with your own\n   * base URL, only to its origin (add more with \`trustedOrigins\`).\n   * @default ${JSON.stringify(shape.defaultBaseUrl)}`
    : "   * Base URL of your deployment (the spec lists no public server). Credentials go only to its\n   * origin (add more with `trustedOrigins`).";
}

function renderTableEntry(operation: ShapedOperation): string {
  const key = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(operation.operationId)
    ? operation.operationId
    : JSON.stringify(operation.operationId);
  const fills = operation.filledPathParameters.length
    ? `, { ${operation.filledPathParameters.map((filled) => `${filled.name}: ${JSON.stringify(filled.option)}`).join(", ")} }`
    : "";
  return `${key}: [${JSON.stringify(operation.method.toUpperCase())}, ${JSON.stringify(operation.path)}${fills}]`;
}
