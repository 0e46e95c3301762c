import type { LoadedSpec } from "../spec/load-spec.js";
import {
  createSchemaValidator,
  type SchemaValidator,
} from "../validation/create-schema-validator.js";

// Compiling a spec's schemas takes a few hundred ms; test suites start many simulators of the
// same few specs, so validators are shared per spec text (they hold no per-simulator state).
const validators = new Map<string, SchemaValidator>();

export function sharedValidator(spec: LoadedSpec): SchemaValidator {
  const key = `${spec.path}\n${spec.source}`;
  let validator = validators.get(key);
  if (validator === undefined) {
    validator = createSchemaValidator(spec.document);
    validators.set(key, validator);
  }
  return validator;
}
