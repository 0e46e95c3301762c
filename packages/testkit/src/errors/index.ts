export { ResponseViolationError } from "./ResponseViolationError.js";
export { SpecError } from "./SpecError.js";
export { TestkitError } from "./TestkitError.js";
