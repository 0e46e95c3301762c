import {
  type LoadedSpec as ContractSpec,
  readContract,
  SpecErrors,
  type XLoginkit,
  type XLoginkitErrorMatcher,
} from "@loginkit/contract";
import { SpecError } from "../errors/SpecError.js";

export type { XLoginkit };
export type ErrorMatcher = XLoginkitErrorMatcher;

/**
 * Validates and reads a spec's root `x-loginkit` with the same contract the generator and the
 * lint use (@loginkit/contract), so the simulator accepts exactly the specs they accept; the
 * contract's errors say on which line.
 */
export function readValidatedXLoginkit(load: () => ContractSpec, path: string): XLoginkit {
  try {
    const spec = load();
    return readContract(spec, path).extension;
  } catch (error) {
    if (!(error instanceof SpecErrors)) throw error;
    const problems = error.errors.map(
      (problem) =>
        `${problem.line === undefined ? "" : `line ${problem.line}: `}${problem.problem}`,
    );
    throw new SpecError(problems.join("; "), path, { cause: error });
  }
}
