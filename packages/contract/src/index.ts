/**
 * `@loginkit/contract`: a loginkit spec's `x-loginkit` contract, read once. The generator, the
 * spec lint, `check:breaking` and the simulator (`@loginkit/testkit`) all read specs through it,
 * so they agree on every rule. The rules alone, with no dependency: `@loginkit/contract/rules`.
 */
export {
  type CredentialsSchema,
  reduceCredentialsSchema,
} from "./contract/credentials-schema.js";
export { describeProvider } from "./contract/describe-provider.js";
export { type Contract, findContractProblems, readContract } from "./contract/read-contract.js";
export * from "./rules/index.js";
export type { DocumentPath, OpenApiDocument } from "./spec/openapi-document.js";
export {
  declaresParameter,
  type HttpMethod,
  httpMethods,
  indexOperations,
  type JsonContent,
  jsonMediaType,
  listDeclaredParameters,
  listOperations,
  listParameters,
  requestContent,
  responseContent,
  responseHeaders,
  type SpecOperation,
  schemaHasPointer,
} from "./spec/operations.js";
export {
  findExternalReferences,
  type LoadedSpec,
  parseSpec,
  specFromDocument,
} from "./spec/parse-spec.js";
export { dereference, type ResolvedNode, resolveReference } from "./spec/resolve-reference.js";
export { SpecError, SpecErrors } from "./spec/spec-error.js";
export type {
  OperationReference,
  XLoginkit,
  XLoginkitCookieFlow,
  XLoginkitErrorMatcher,
  XLoginkitInput,
} from "./x-loginkit/x-loginkit.js";
export { xLoginkitSchema } from "./x-loginkit/x-loginkit-schema.js";
