/**
 * The contract's rules, one a question, with no dependency and nothing from Node: what a runtime
 * (core, the simulator) may import without pulling in a YAML parser or a validator.
 */
export { isNamedParameter, isSameParameterName } from "./header-name.js";
export {
  appendPointer,
  escapePointerToken,
  formatJsonPointer,
  parseJsonPointer,
  readPointer,
  writePointer,
} from "./json-pointer.js";
export {
  countTemplateParameters,
  matchOperation,
  matchPathTemplate,
  type RouteCandidate,
  type RouteMatch,
} from "./operation-matching.js";
export { responseBodyPointer, sessionFieldOf } from "./runtime-expression.js";
export { isSecretField } from "./secret-field.js";
export {
  needsToken,
  readSecurityRequirement,
  type SecurityRequirement,
  type TokenRequirement,
} from "./security-requirement.js";
