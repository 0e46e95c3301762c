import type { ResponseViolation } from "../observe/response-violation.js";
import { TestkitError } from "./TestkitError.js";

/** The simulator answered something its own spec does not allow (a simulator bug or a bad override). */
export class ResponseViolationError extends TestkitError {
  override name = "ResponseViolationError";

  constructor(readonly violations: readonly ResponseViolation[]) {
    super(
      `the simulator sent ${violations.length} response(s) that break the spec:\n${violations
        .map((v) => `  ${v.method} ${v.path} -> ${v.status}: ${v.problems.join("; ")}`)
        .join("\n")}`,
    );
  }
}
