import { TestkitError } from "./TestkitError.js";

/** The spec cannot be found, parsed, or does not say what the simulator needs. */
export class SpecError extends TestkitError {
  override name = "SpecError";

  constructor(
    message: string,
    /** The spec file the problem is in. */
    readonly specPath: string,
    options?: ErrorOptions,
  ) {
    super(`${specPath}: ${message}`, options);
  }
}
